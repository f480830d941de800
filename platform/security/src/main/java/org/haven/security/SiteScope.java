package org.haven.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * Site scoping for the query layer. Lists filter on {@link #visibleSites()}
 * ({@code where siteId in :sites}); single reads load the row and call {@link #requireVisible} with
 * its site before returning anything. A supervisor sees their sites; a director sees every site in
 * their token (their program's sites); staff see their sites, and a service narrows that further to
 * their own records; an admin without sites sees no site-scoped rows.
 */
@ApplicationScoped
public class SiteScope {

    /** The 404 detail used when the caller gives none. */
    public static final String NOT_FOUND = "Not found";

    private final Caller caller;

    @Inject
    public SiteScope(Caller caller) {
        this.caller = caller;
    }

    /**
     * The sites whose rows the caller may see, for {@code where siteId in :sites}. May be empty: guard the
     * query (return an empty page) rather than binding an empty list.
     */
    public Set<String> visibleSites() {
        return caller.sites();
    }

    public boolean isVisible(String siteId) {
        return siteId != null && caller.sites().contains(siteId);
    }

    /** @throws SiteNotVisibleException (404) when the caller may not see rows of {@code siteId} */
    public void requireVisible(String siteId) {
        requireVisible(siteId, NOT_FOUND);
    }

    /**
     * @param notFoundDetail the detail the service gives for a row that does not exist (e.g. "No incident 42"),
     *        so that both answers are the same
     * @throws SiteNotVisibleException (404) when the caller may not see rows of {@code siteId}
     */
    public void requireVisible(String siteId, String notFoundDetail) {
        if (!isVisible(siteId)) {
            throw new SiteNotVisibleException(notFoundDetail);
        }
    }
}
