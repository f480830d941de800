package org.haven.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the caller's sites from a token: every id in the sites claim plus, for each group whose name
 * starts with the site-group prefix (optionally after one leading {@code /}), the rest of that name. Providers shape claims differently (JSON
 * arrays, space- or comma-separated strings), so every form is accepted; values that are not strings
 * grant nothing.
 */
final class SiteClaims {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    private SiteClaims() {
    }

    static Set<String> sitesOf(JsonWebToken token, IdentityConfig config) {
        Set<String> sites = new LinkedHashSet<>(values(token.getClaim(config.sitesClaim())));
        String prefix = config.siteGroupPrefix();
        for (String value : values(token.getClaim(config.siteGroupsClaim()))) {
            // Keycloak's group mapper writes top-level groups as "/name" when "full group path" is on.
            String group = value.startsWith("/") ? value.substring(1) : value;
            if (group.startsWith(prefix) && group.length() > prefix.length()) {
                sites.add(group.substring(prefix.length()));
            }
        }
        return Collections.unmodifiableSet(sites);
    }

    /** The string values of a claim, whatever shape the provider gave it. */
    static Set<String> values(Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            array.forEach(element -> addText(element, values));
        } else if (claim instanceof Collection<?> collection) {
            collection.forEach(element -> addText(element, values));
        } else {
            addText(claim, values);
        }
        return values;
    }

    private static void addText(Object value, Set<String> into) {
        String text = null;
        if (value instanceof String string) {
            text = string;
        } else if (value instanceof JsonString json) {
            text = json.getString();
        }
        if (text == null) {
            return;
        }
        for (String part : SEPARATORS.split(text.strip())) {
            if (!part.isEmpty()) {
                into.add(part);
            }
        }
    }
}
