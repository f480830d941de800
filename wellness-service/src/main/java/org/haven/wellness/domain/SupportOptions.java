package org.haven.wellness.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.haven.wellness.config.WellnessConfig;

import java.util.Comparator;
import java.util.List;

/** The support an organisation offers after a check-in (EAP, time off, a conversation), shown only to the person. */
@ApplicationScoped
public class SupportOptions {

    public record Option(String key, String title, String detail) {
    }

    private final List<Option> options;

    SupportOptions(WellnessConfig config) {
        options = config.support().options().entrySet().stream()
                .sorted(Comparator.comparingInt((java.util.Map.Entry<String, WellnessConfig.Support.Option> e) -> e.getValue().order())
                        .thenComparing(java.util.Map.Entry::getKey))
                .map(e -> new Option(e.getKey(), e.getValue().title(), e.getValue().detail()))
                .toList();
    }

    public List<Option> all() {
        return options;
    }
}
