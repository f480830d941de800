package org.haven.wellness.api;

import java.util.List;

public record FollowUpPage(List<FollowUpView> items, int page, int size, long total) {
}
