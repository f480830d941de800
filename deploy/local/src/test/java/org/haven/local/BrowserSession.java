package org.haven.local;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The browser side of a page test: one headless Chromium per test class and, for every test, a fresh context
 * (no cookies, no storage) with the viewport the class asks for — a phone or a desktop window.
 * Register it as {@code @RegisterExtension static final BrowserSession browser = BrowserSession.phone();}.
 */
public final class BrowserSession implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final double TIMEOUT_MS = 20_000;

    private final Browser.NewContextOptions options;
    private Playwright playwright;
    private Browser chromium;
    private BrowserContext context;
    private Page page;

    private BrowserSession(Browser.NewContextOptions options) {
        this.options = options;
    }

    /** A phone held upright: 390×844, touch, a high-density screen. */
    public static BrowserSession phone() {
        return new BrowserSession(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2));
    }

    public static BrowserSession window(int width, int height) {
        return new BrowserSession(new Browser.NewContextOptions().setViewportSize(width, height));
    }

    public Page page() {
        return page;
    }

    public BrowserContext context() {
        return context;
    }

    /** Opens {@code url} and signs in on the local identity provider's form as a demo user. */
    public void signIn(String url, String username) {
        page.navigate(url);
        page.locator("#username").fill(username);
        page.locator("#password").fill("demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    /** A full-page screenshot, into {@link HeadlessChromium#screenshots()}. */
    public void screenshot(String name) {
        Path directory = HeadlessChromium.screenshots();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(directory.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        playwright = HeadlessChromium.playwright();
        chromium = HeadlessChromium.launch(playwright);
    }

    @Override
    public void beforeEach(ExtensionContext extension) {
        // The phone's time zone is the machine's, as the test's own LocalDateTime values assume, whatever TZ says.
        context = chromium.newContext(options.setTimezoneId(java.time.ZoneId.systemDefault().getId()));
        context.setDefaultTimeout(TIMEOUT_MS);
        PlatformClock clock = PlatformExtension.platform() == null ? PlatformClock.real() : PlatformExtension.platform().clock();
        if (clock.shifted()) {
            // The page's own clock (the time a report says it was made) agrees with the services'.
            context.clock().install(new com.microsoft.playwright.Clock.InstallOptions().setTime(clock.now().toEpochMilli()));
        }
        page = context.newPage();
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        if (context != null) {
            context.close();
        }
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        if (chromium != null) {
            chromium.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }
}
