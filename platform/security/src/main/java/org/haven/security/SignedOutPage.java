package org.haven.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the identity provider sends a browser back after sign-out ({@code quarkus.oidc.web.logout.post-logout-path}):
 * a page that says so and offers the next person a sign-in. It is outside {@code /app} and needs no session, and it
 * tells the browser to drop what it cached for this service ({@code Clear-Site-Data: "cache"}) — the pages are
 * {@code no-store} already; this also empties whatever an older version of them left behind. Stored data is the
 * pages' own business (the reporting page keeps each person's unsent reports apart), so "storage" is not cleared:
 * that would also delete another person's reports still waiting for signal.
 */
@Path(SignedOutPage.PATH)
public class SignedOutPage {

    public static final String PATH = "/signed-out";

    private final String home;

    SignedOutPage(@ConfigProperty(name = "haven.pages.home", defaultValue = "/app") String home) {
        this.home = home;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Signed out — Haven</title>
                  <link rel="stylesheet" href="/haven-session/signed-out.css">
                </head>
                <body>
                <main>
                  <h1>You are signed out</h1>
                  <p>Nothing of yours is shown on this phone any more. The next person can sign in.</p>
                  <a class="sign-in" href="%s">Sign in</a>
                </main>
                </body>
                </html>
                """.formatted(escape(home));
        return Response.ok(html).header("Clear-Site-Data", "\"cache\"").build();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
