package org.haven.http.report;

import jakarta.ws.rs.ForbiddenException;
import org.haven.http.Ids;

import java.util.Collection;
import java.util.Set;

/** The sites a report covers: one the reader asked for, or every site they may see. */
public final class ReportSites {

    private ReportSites() {
    }

    /**
     * @throws ReportRequestInvalid naming {@code site} when it is not an id
     * @throws ForbiddenException when the reader may not see that site
     */
    public static Set<String> chosen(Collection<String> visible, String site) {
        if (site == null || site.isEmpty()) {
            return Set.copyOf(visible);
        }
        if (!site.matches(Ids.PATTERN)) {
            throw new ReportRequestInvalid("site", Ids.MESSAGE);
        }
        if (!visible.contains(site)) {
            throw new ForbiddenException("You may not export site " + site);
        }
        return Set.of(site);
    }
}
