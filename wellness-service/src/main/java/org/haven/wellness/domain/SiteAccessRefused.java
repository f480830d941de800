package org.haven.wellness.domain;

import jakarta.ws.rs.ForbiddenException;

/**
 * The caller's sign-in names a site that the directory does not give them: a 403 problem naming the site, rather than
 * a guess between the two sources. The directory decides; the identity provider's copy must catch up.
 */
public class SiteAccessRefused extends ForbiddenException {

    public SiteAccessRefused(String detail) {
        super(detail);
    }
}
