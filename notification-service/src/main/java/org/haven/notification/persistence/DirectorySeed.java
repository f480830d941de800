package org.haven.notification.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.haven.notification.config.DirectoryConfig;
import org.haven.notification.domain.Directory;
import org.haven.notification.domain.DirectoryAudit;
import org.haven.notification.domain.DirectoryImport;
import org.haven.notification.domain.EscalationLevel;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * Loads directory data at startup when {@code haven.directory.seed} names some (the demo for dev, tests and the local
 * launcher), into an <em>empty</em> directory only: once an admin has set the program up (or a seed filled it), a
 * restart changes nothing an admin set. It goes in through the same path an admin's import does ({@link DirectoryImport}:
 * every row checked first, all or none, each change audited as the seed's), so it reaches the other services as the
 * same organisation events, every site's shifts in that site's own zone. A seed that cannot be read, or that the
 * import refuses, stops the start: running with a directory other than the one asked for would send alerts to the
 * wrong people, or to no one.
 */
@ApplicationScoped
public class DirectorySeed {

    private static final Logger LOG = Logger.getLogger(DirectorySeed.class);

    private final DirectoryConfig config;
    private final Directory directory;
    private final DirectoryImport importer;
    private final DirectoryAudit audit;
    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;

    DirectorySeed(DirectoryConfig config, Directory directory, DirectoryImport importer, DirectoryAudit audit, ObjectMapper json,
                  Validator validator, Clock clock) {
        this.config = config;
        this.directory = directory;
        this.importer = importer;
        this.audit = audit;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent startup) {
        config.seed().ifPresent(this::load);
    }

    /** Reads the named seed ({@code demo}, or a JSON file's path) and imports it, if the directory is still empty. */
    @Transactional
    public void load(String seed) {
        DirectoryData data = read(seed);
        Set<String> violations = new HashSet<>();
        validator.validate(data).forEach(v -> violations.add(v.getPropertyPath() + " " + v.getMessage()));
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Directory seed '" + seed + "' is invalid: " + violations);
        }
        // Serialises replicas starting at once: the second sees the first one's sites.
        directory.lockForSetUp();
        if (!directory.isEmpty()) {
            LOG.infof("Directory seed '%s' not loaded: the directory already has sites, and a seed fills an empty one only", seed);
            return;
        }
        String by = "seed:" + seed;
        for (DirectoryData.SiteEntry site : data.sites()) {
            ZoneId zone = zone(seed, site);
            audit.change(by, "site.put", "site/" + site.id(), () -> directory.site(site.id()).map(s -> s.name + " " + s.timeZone).orElse(null), () -> {
                directory.putSite(site.id(), site.name(), zone);
                directory.setJurisdiction(site.id(), site.jurisdiction());
            });
        }
        check(seed, importer.people(by, peopleRows(data), false));
        check(seed, importer.rota(by, rotaRows(data), false));
        for (DirectoryData.SiteEntry site : data.sites()) {
            if (site.escalation() != null) {
                audit.change(by, "escalation.put", "site/" + site.id() + "/escalation",
                        () -> directory.configuredChain(site.id()).stream().map(l -> l.level + " " + l.target).toList(),
                        () -> directory.replaceChain(site.id(), site.escalation().repeats(), site.escalation().levels().stream()
                                .map(l -> EscalationLevel.of(site.id(), 0, l.after(), l.target(), l.personId()))
                                .toList()));
            }
        }
        for (String administrator : data.administrators() == null ? List.<String>of() : data.administrators()) {
            if (directory.person(administrator).isEmpty()) {
                throw new IllegalStateException("Directory seed '" + seed + "': administrator " + administrator + " is not among its people");
            }
            audit.change(by, "administrator.add", "person/" + administrator, () -> directory.isAdministrator(administrator) ? administrator : null,
                    () -> directory.makeAdministrator(administrator, clock.instant()));
        }
        LOG.infof("Directory seed '%s' imported: %d sites, %d people", seed, data.sites().size(), data.people().size());
    }

    /** Each person as an import row, with the roles the seed's sites give them. */
    private static List<DirectoryImport.PersonRow> peopleRows(DirectoryData data) {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        for (DirectoryData.SiteEntry site : data.sites()) {
            site.staff().forEach(a -> roles.computeIfAbsent(a.personId(), id -> new ArrayList<>()).add(a.role() + "@" + site.id()));
        }
        List<DirectoryImport.PersonRow> rows = new ArrayList<>();
        for (int i = 0; i < data.people().size(); i++) {
            DirectoryData.PersonEntry p = data.people().get(i);
            rows.add(new DirectoryImport.PersonRow(i + 1, p.id(), p.displayName(), p.email(), p.phone(), p.preferredLanguage(),
                    String.join(";", roles.getOrDefault(p.id(), List.of()))));
        }
        for (String personId : roles.keySet()) {
            if (data.people().stream().noneMatch(p -> p.id().equals(personId))) {
                throw new IllegalStateException("A site of the seed gives a role to " + personId + ", who is not among its people");
            }
        }
        return rows;
    }

    /** Each weekly shift of each site as rota rows, one a day, in wall-clock time of that site's zone. */
    private static List<DirectoryImport.RotaRow> rotaRows(DirectoryData data) {
        List<DirectoryImport.RotaRow> rows = new ArrayList<>();
        for (DirectoryData.SiteEntry site : data.sites()) {
            for (DirectoryData.Shift shift : site.shifts() == null ? List.<DirectoryData.Shift>of() : site.shifts()) {
                for (java.time.DayOfWeek day : shift.days()) {
                    rows.add(new DirectoryImport.RotaRow(rows.size() + 1, shift.personId(), site.id(), day.name(),
                            shift.start().toString(), shift.end().toString(), null));
                }
            }
        }
        return rows;
    }

    private static void check(String seed, DirectoryImport.Result result) {
        if (!result.written()) {
            throw new IllegalStateException("Directory seed '" + seed + "': the " + result.kind() + " import refused it: "
                    + result.rows().stream().filter(r -> !r.errors().isEmpty()).toList());
        }
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

    private static ZoneId zone(String seed, DirectoryData.SiteEntry site) {
        try {
            return ZoneId.of(site.timeZone());
        } catch (DateTimeException e) {
            throw new IllegalStateException("Directory seed '" + seed + "': site " + site.id() + " has an unknown time zone '"
                    + site.timeZone() + "'", e);
        }
    }
}
