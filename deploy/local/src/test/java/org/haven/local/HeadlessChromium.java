package org.haven.local;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The machine's Chromium (Debian's, installed by .ci/run), driven by Playwright without ever downloading a
 * browser, with the flags that keep it from reaching out to the network this machine does not have.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    /**
     * Where the browser tests put their screenshots: {@code target/screenshots}, so a test run leaves the tree clean.
     * The README's pictures are refreshed with {@code -Dhaven.screenshots=$PWD/docs/screenshots}.
     */
    public static Path screenshots() {
        return Path.of(System.getProperty("haven.screenshots", "target/screenshots"));
    }

    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }
}
