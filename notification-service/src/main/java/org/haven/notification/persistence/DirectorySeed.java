package org.haven.notification.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.haven.notification.config.DirectoryConfig;
import org.haven.notification.domain.Directory;
import org.haven.notification.domain.EscalationLevel;
import org.haven.notification.domain.WorkShift;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * Loads directory data at startup when {@code haven.directory.seed} names some (the demo for dev,
 * tests and the local launcher). Merged by upsert, so a restart loads it again harmlessly; a site's
 * escalation chain and a person's pattern at a site are seeded only where none exists yet, so what an admin
 * set through the API survives a restart (even one in the middle of an escalation). Every change goes through the
 * directory, so the seed reaches the other services as the same organisation events an admin's change does. A seed
 * that cannot be read stops the start: running with a directory other than the one asked for would
 * send alerts to the wrong people, or to no one.
 */
@ApplicationScoped
public class DirectorySeed {

    private static final Logger LOG = Logger.getLogger(DirectorySeed.class);

    private final DirectoryConfig config;
    private final Directory directory;
    private final ObjectMapper json;
    private final Validator validator;

    DirectorySeed(DirectoryConfig config, Directory directory, ObjectMapper json, Validator validator) {
        this.config = config;
        this.directory = directory;
        this.json = json;
        this.validator = validator;
    }

    void onStart(@Observes StartupEvent startup) {
        config.seed().ifPresent(this::load);
    }

    /** Reads the named seed ({@code demo}, or a JSON file's path) and merges it into the directory. */
    @Transactional
    public void load(String seed) {
        DirectoryData data = read(seed);
        Set<String> violations = new HashSet<>();
        validator.validate(data).forEach(v -> violations.add(v.getPropertyPath() + " " + v.getMessage()));
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Directory seed '" + seed + "' is invalid: " + violations);
        }
        data.people().forEach(p -> directory.putPerson(p.id(), p.displayName(), p.email(), p.phone()));
        for (DirectoryData.SiteEntry site : data.sites()) {
            directory.putSite(site.id(), site.name(), zone(seed, site));
            if (site.jurisdiction() != null) {
                directory.setJurisdiction(site.id(), site.jurisdiction());
            }
            site.staff().forEach(a -> directory.assign(site.id(), a.personId(), a.role()));
            seedPatterns(site);
            if (site.escalation() != null && directory.configuredChain(site.id()).isEmpty()) {
                directory.replaceChain(site.id(), site.escalation().repeats(), site.escalation().levels().stream()
                        .map(l -> EscalationLevel.of(site.id(), 0, l.after(), l.target(), l.personId()))
                        .toList());
            }
        }
        LOG.infof("Directory seed '%s' loaded: %d sites, %d people", seed, data.sites().size(), data.people().size());
    }

    private DirectoryData read(String seed) {
        try (InputStream in = open(seed)) {
            return json.readValue(in, DirectoryData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read directory seed '" + seed + "': " + e.getMessage(), e);
        }
    }

    private static InputStream open(String seed) throws IOException {
        if (seed.matches("[a-z0-9-]+")) {
            String resource = "directory/" + seed + "-directory.json";
            InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("no bundled seed " + resource);
            }
            return in;
        }
        return Files.newInputStream(Path.of(seed));
    }

    /** Each person's weekly shifts at the site, where no pattern is recorded for them there yet. */
    private void seedPatterns(DirectoryData.SiteEntry site) {
        Map<String, List<WorkShift>> byPerson = new LinkedHashMap<>();
        for (DirectoryData.Shift shift : site.shifts() == null ? List.<DirectoryData.Shift>of() : site.shifts()) {
            shift.days().forEach(day -> byPerson.computeIfAbsent(shift.personId(), id -> new ArrayList<>())
                    .add(WorkShift.of(shift.personId(), site.id(), day, shift.start(), shift.end())));
        }
        byPerson.forEach((personId, shifts) -> {
            if (!directory.patterns(personId).containsKey(site.id())) {
                directory.replacePattern(personId, site.id(), shifts, List.of());
            }
        });
    }

    private static ZoneId zone(String seed, DirectoryData.SiteEntry site) {
        try {
            return ZoneId.of(site.timeZone());
        } catch (DateTimeException e) {
            throw new IllegalStateException("Directory seed '" + seed + "': site " + site.id() + " has an unknown time zone '"
                    + site.timeZone() + "'", e);
        }
    }
}
