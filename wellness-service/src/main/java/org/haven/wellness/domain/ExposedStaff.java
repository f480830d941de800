package org.haven.wellness.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Everyone an incident exposed: its reporter, the staff involved and the witnesses, each once. */
public final class ExposedStaff {

    private ExposedStaff() {
    }

    public static Set<String> of(String reporterId, List<String> involvedStaffIds, List<String> witnessIds) {
        Set<String> staff = new LinkedHashSet<>();
        Stream.concat(Stream.of(reporterId), Stream.concat(involvedStaffIds.stream(), witnessIds.stream()))
                .filter(id -> id != null && !id.isBlank())
                .forEach(staff::add);
        return staff;
    }
}
