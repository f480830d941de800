package org.haven.debrief.api;

import java.util.List;

public record DebriefPage(List<DebriefView> items, int page, int size, long total) {
}
