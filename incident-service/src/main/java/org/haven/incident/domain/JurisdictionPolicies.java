package org.haven.incident.domain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import org.haven.incident.config.JurisdictionConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the jurisdiction policy of a site. Every configured policy is read and checked at start-up,
 * so a broken policy file stops the service instead of silently producing an empty checklist.
 */
@ApplicationScoped
public class JurisdictionPolicies {

    private final JurisdictionConfig config;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Map<String, JurisdictionPolicy> loaded = new ConcurrentHashMap<>();

    JurisdictionPolicies(JurisdictionConfig config) {
        this.config = config;
        policy(config.defaultJurisdiction());
        config.sites().values().forEach(this::policy);
    }

    public JurisdictionPolicy forSite(String siteId) {
        return policy(config.sites().getOrDefault(siteId, config.defaultJurisdiction()));
    }

    private JurisdictionPolicy policy(String name) {
        return loaded.computeIfAbsent(name, this::read);
    }

    private JurisdictionPolicy read(String name) {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalStateException("Not a jurisdiction name: " + name);
        }
        String file = name + ".json";
        try {
            if (config.policyDirectory().isPresent()) {
                Path path = Path.of(config.policyDirectory().get(), file);
                if (Files.exists(path)) {
                    return check(json.readValue(path.toFile(), JurisdictionPolicy.class), name);
                }
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("jurisdictions/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("No notification policy for jurisdiction " + name);
                }
                return check(json.readValue(in, JurisdictionPolicy.class), name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable notification policy for jurisdiction " + name, e);
        }
    }

    private static JurisdictionPolicy check(JurisdictionPolicy policy, String name) {
        if (policy.zone() == null || policy.workingDayEnds() == null) {
            throw new IllegalStateException("Policy " + name + " needs zone and workingDayEnds");
        }
        for (JurisdictionPolicy.Rule rule : policy.notifications()) {
            if (rule.id() == null || rule.recipient() == null || rule.types() == null || rule.types().isEmpty()
                    || rule.from() == null || (rule.within() == null) == !rule.nextWorkingDay()) {
                throw new IllegalStateException("Policy " + name + ": rule " + rule.id()
                        + " needs id, recipient, types, from, and exactly one of within / nextWorkingDay");
            }
        }
        return policy;
    }
}
