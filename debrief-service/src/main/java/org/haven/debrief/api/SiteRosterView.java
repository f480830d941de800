package org.haven.debrief.api;

import java.util.List;

/** Who supervises a site and who may facilitate its circles. */
public record SiteRosterView(String siteId, String supervisorId, List<String> facilitatorIds) {
}
