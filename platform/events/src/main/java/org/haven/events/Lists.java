package org.haven.events;

import java.util.List;

final class Lists {

    private Lists() {
    }

    /** Event data lists are never null and never mutable once built. */
    static <T> List<T> frozen(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
