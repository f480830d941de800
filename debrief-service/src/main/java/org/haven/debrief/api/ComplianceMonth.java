package org.haven.debrief.api;

/** For one site and month: debriefs held, how many by their deadline, and the median hours from incident to circle. */
public record ComplianceMonth(String siteId, String month, long held, long heldByDeadline, double medianHoursToDebrief) {
}
