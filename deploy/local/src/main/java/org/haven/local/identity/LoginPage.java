package org.haven.local.identity;

import java.util.Collection;

/**
 * The sign-in form and the few messages of the local identity provider: plain HTML with one stylesheet,
 * no script, every value escaped.
 */
final class LoginPage {

    private LoginPage() {
    }

    /** No scripts at all; the form may post here and be redirected on to the application's origin. */
    static String contentSecurityPolicy(String applicationOrigin) {
        return "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                + "form-action 'self'" + (applicationOrigin == null ? "" : " " + applicationOrigin);
    }

    static String signIn(String loginId, String username, String error, Collection<DemoUser> demoUsers) {
        StringBuilder html = head("Sign in").append("""
                <h1>Sign in to Haven</h1>
                <p class="notice">This is the identity provider of the local run, for trying Haven on this machine. \
                Never use it for real people or real records.</p>
                """);
        boolean failed = error != null;
        if (failed) {
            html.append("<p class=\"error\" role=\"alert\" id=\"sign-in-error\">").append(escape(error)).append("</p>\n");
        }
        String invalid = failed ? " aria-invalid=\"true\" aria-describedby=\"sign-in-error\"" : "";
        html.append("<form method=\"post\" action=\"").append(Realm.LOGIN_ACTION).append("\">\n")
                .append("<input type=\"hidden\" name=\"login\" value=\"").append(escape(loginId)).append("\">\n")
                .append("<label for=\"username\">Username</label>\n")
                .append("<input id=\"username\" name=\"username\" type=\"text\" autocomplete=\"username\" autocapitalize=\"none\" ")
                .append("spellcheck=\"false\" required autofocus value=\"").append(escape(username)).append("\"").append(invalid).append(">\n")
                .append("<label for=\"password\">Password</label>\n")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required")
                .append(invalid).append(">\n")
                .append("<button type=\"submit\">Sign in</button>\n</form>\n");
        html.append("<table>\n<caption>Demo people</caption>\n<thead><tr><th scope=\"col\">Username</th><th scope=\"col\">Name</th>")
                .append("<th scope=\"col\">Role</th><th scope=\"col\">Sites</th><th scope=\"col\">Password</th></tr></thead>\n<tbody>\n");
        for (DemoUser user : demoUsers) {
            html.append("<tr><td>").append(escape(user.username())).append("</td><td>").append(escape(user.name()))
                    .append("</td><td>").append(escape(String.join(", ", user.roles())))
                    .append("</td><td>").append(escape(user.sites().isEmpty() ? "none" : String.join(", ", user.sites())))
                    .append("</td><td>").append(escape(user.password())).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").append(foot()).toString();
    }

    static String message(String title, String text) {
        return head(title).append("<h1>").append(escape(title)).append("</h1>\n<p>").append(escape(text)).append("</p>\n")
                .append(foot()).toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append(" · Haven (local)</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(Realm.STYLESHEET).append("\">\n</head>\n<body>\n<main>\n");
    }

    private static String foot() {
        return "</main>\n</body>\n</html>\n";
    }
}
