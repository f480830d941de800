package org.haven.incident.api;

import io.quarkus.qute.TemplateData;
import org.haven.incident.domain.AgencyReference;
import org.haven.incident.domain.ClientStatus;
import org.haven.incident.domain.ClientStatusChanges;
import org.haven.incident.domain.ExternalNotification;
import org.haven.incident.domain.Incident;
import org.haven.incident.domain.StatusChange;
import org.haven.incident.persistence.SiteDirectory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the supervisor's incident page shows, with every time in the site's zone: the report's facts, the people,
 * the checklist with what is left of each deadline, and the client's recorded status.
 */
@TemplateData
public record IncidentSheet(
        String id,
        String type,
        String severity,
        boolean critical,
        String siteName,
        String zone,
        String occurredAt,
        String reportedAt,
        String location,
        String summary,
        List<String> clientCodes,
        String lastSeenAt,
        String lastSeenPlace,
        String lastSeenClothing,
        List<String> riskFlags,
        String searchSteps,
        List<Person> people,
        List<Item> checklist,
        boolean tracksClientStatus,
        String clientStatus,
        List<Change> changes,
        List<Choice> nextStatuses,
        List<SiteDirectory.SitePerson> sitePeople,
        String now) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ENGLISH);

    @TemplateData
    public record Person(String role, String name, String id) {
    }

    /**
     * One required call. {@code dueAt} is the instant (for the page's script), {@code dueLocal} the site's wall-clock
     * time of it, {@code left} what remains of it now.
     */
    @TemplateData
    public record Item(String id, String recipient, String instructions, String dueAt, String dueLocal, String left,
                       boolean overdue, boolean done, String doneBy, String doneAt, String reference, String recordedBy,
                       String referenceLabel) {
    }

    @TemplateData
    public record Change(String label, String by, String at) {
    }

    @TemplateData
    public record Choice(String value, String label) {
    }

    static IncidentSheet of(Incident incident, String siteName, ZoneId zone, List<ExternalNotification> items,
                            List<StatusChange> changes, List<SiteDirectory.SitePerson> sitePeople, Map<String, String> names,
                            Instant now) {
        List<Person> people = new ArrayList<>();
        people.add(new Person("Reported by", name(names, incident.reporterId), incident.reporterId));
        list(incident.involvedStaffIds).forEach(id -> people.add(new Person("Involved", name(names, id), id)));
        list(incident.witnessIds).forEach(id -> people.add(new Person("Witness", name(names, id), id)));

        List<String> flags = new ArrayList<>();
        if (incident.riskMinor) {
            flags.add("Minor (under 18)");
        }
        if (incident.riskTrafficking) {
            flags.add("High risk of trafficking");
        }
        if (incident.riskMedicalNeeds) {
            flags.add("Medical needs");
        }

        List<Item> checklist = items.stream().map(item -> new Item(item.id.toString(), item.recipient, item.instructions,
                item.dueAt.toString(), time(item.dueAt, zone), left(item, now), !item.isDone() && !now.isBefore(item.dueAt),
                item.isDone(), item.isDone() ? name(names, item.doneBy) : null, item.isDone() ? time(item.doneAt, zone) : null,
                item.reference, item.recordedBy == null ? null : name(names, item.recordedBy),
                AgencyReference.label(item.ruleId))).toList();

        List<Change> recorded = changes.stream()
                .map(change -> new Change(change.status.label(), name(names, change.recordedBy), time(change.recordedAt, zone)))
                .toList();
        boolean tracks = ClientStatusChanges.applies(incident);
        Set<ClientStatus> done = new LinkedHashSet<>();
        changes.forEach(change -> done.add(change.status));
        List<Choice> next = !tracks || done.contains(ClientStatus.RETURNED) ? List.of()
                : Arrays.stream(ClientStatus.values()).filter(status -> !done.contains(status))
                .map(status -> new Choice(status.name(), status.label())).toList();
        String status = !tracks ? null : changes.isEmpty() ? "Missing" : changes.get(changes.size() - 1).status.label();

        return new IncidentSheet(incident.id.toString(), readable(incident.type.name(), incident.type.name().equals("ELOPEMENT")),
                readable(incident.severity.name(), false), incident.critical, siteName, zone.getId(),
                time(incident.occurredAt, zone), time(incident.reportedAt, zone), incident.location, incident.summary, list(incident.clientCodes),
                incident.lastSeenAt == null ? null : time(incident.lastSeenAt, zone), incident.lastSeenPlace,
                incident.lastSeenClothing, flags, incident.searchSteps, people, checklist, tracks, status, recorded, next,
                sitePeople, now.toString());
    }

    /** The site's local time for a form's date-time field, which the page sends back as the site's wall-clock time. */
    static String localInput(Instant instant, ZoneId zone) {
        return LOCAL_INPUT.format(instant.atZone(zone));
    }

    static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    /** "1 h 30 min left", "overdue by 5 min", or "done". Minutes are rounded down, so "0 min left" is still in time. */
    static String left(ExternalNotification item, Instant now) {
        if (item.isDone()) {
            return "done";
        }
        Duration left = Duration.between(now, item.dueAt);
        return left.isNegative() || left.isZero() ? "overdue by " + span(left.negated()) : span(left) + " left";
    }

    private static String span(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h " + (minutes % 60) + " min";
        }
        return (hours / 24) + " d " + (hours % 24) + " h";
    }

    private static String name(Map<String, String> names, String id) {
        return names.getOrDefault(id, id);
    }

    private static List<String> list(List<String> ids) {
        return ids == null ? List.of() : ids;
    }

    private static String readable(String constant, boolean elopement) {
        if (elopement) {
            return "Client missing (elopement)";
        }
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
