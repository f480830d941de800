package org.haven.notification.api;

import java.util.List;

public record AlertPage(List<AlertView> items, int page, int size, long total) {
}
