package org.haven.incident.api;

import java.util.List;

public record IncidentPage(List<IncidentView> items, int page, int size, long total) {
}
