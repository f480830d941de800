package org.haven.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.events.WorkPattern;
import org.haven.http.Ids;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Imports people and the rota in bulk, all rows or none. Every row is checked first and its errors listed (a dry run
 * stops there); only a file without a single error is written, in one transaction, each row through the same
 * audited directory changes as the console's, so it reaches the other services as the same organisation events.
 * The demo seed goes in through here too.
 *
 * <p>People: {@code id,displayName,email,phone,preferredLanguage,roles}, roles as {@code SUPERVISOR@site-north;
 * FACILITATOR@site-south}. Rota: {@code personId,siteId,day,start,end,kind}: a weekday for the recurring pattern,
 * or a date with {@code kind} LEAVE or EXTRA for an exception, times in the site's own zone. The rota replaces the
 * whole pattern of each person at each site the file names.
 */
@ApplicationScoped
public class DirectoryImport {

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");

    public record FieldProblem(String field, String message) {
    }

    public record RowResult(int line, String key, List<FieldProblem> errors) {
    }

    public record Result(String kind, boolean dryRun, boolean valid, boolean written, List<RowResult> rows) {
    }

    public record RoleAt(String siteId, SiteRole role) {
    }

    public record PersonRow(int line, String id, String displayName, String email, String phone, String preferredLanguage,
                            String roles) {
    }

    public record RotaRow(int line, String personId, String siteId, String day, String start, String end, String kind) {
    }

    private final Directory directory;
    private final DirectoryAudit audit;

    DirectoryImport(Directory directory, DirectoryAudit audit) {
        this.directory = directory;
        this.audit = audit;
    }

    public static final List<String> PEOPLE_COLUMNS = List.of("id", "displayName", "email", "phone", "preferredLanguage", "roles");
    public static final List<String> ROTA_COLUMNS = List.of("personId", "siteId", "day", "start", "end", "kind");

    public static List<PersonRow> peopleRows(List<CsvTable.Row> rows) {
        return rows.stream().map(r -> new PersonRow(r.line(), r.get("id"), r.get("displayName"), r.get("email"), r.get("phone"),
                r.get("preferredLanguage"), r.get("roles"))).toList();
    }

    public static List<RotaRow> rotaRows(List<CsvTable.Row> rows) {
        return rows.stream().map(r -> new RotaRow(r.line(), r.get("personId"), r.get("siteId"), r.get("day"), r.get("start"),
                r.get("end"), r.get("kind"))).toList();
    }

    /** Checks every row; writes them all when none has an error and this is no dry run. */
    @Transactional
    public Result people(String by, List<PersonRow> rows, boolean dryRun) {
        Set<String> seen = new HashSet<>();
        List<RowResult> results = new ArrayList<>();
        for (PersonRow row : rows) {
            List<FieldProblem> errors = new ArrayList<>();
            if (row.id() == null) {
                errors.add(new FieldProblem("id", "is required"));
            } else if (!row.id().matches(Ids.PATTERN)) {
                errors.add(new FieldProblem("id", Ids.MESSAGE));
            } else if (!seen.add(row.id())) {
                errors.add(new FieldProblem("id", "appears on an earlier row of the file"));
            }
            if (row.displayName() == null || row.displayName().length() > 200) {
                errors.add(new FieldProblem("displayName", "is required (at most 200 characters)"));
            }
            if (row.email() == null || row.email().length() > 320 || !EMAIL.matcher(row.email()).matches()) {
                errors.add(new FieldProblem("email", "must be an email address"));
            }
            if (row.phone() != null && !PHONE.matcher(row.phone()).matches()) {
                errors.add(new FieldProblem("phone", "must be a phone number in E.164 form, e.g. +15550100123"));
            }
            if (row.preferredLanguage() != null && !LANGUAGE.matcher(row.preferredLanguage()).matches()) {
                errors.add(new FieldProblem("preferredLanguage", "must be a language tag such as en, es or pt-BR"));
            }
            roles(row.roles(), errors);
            results.add(new RowResult(row.line(), row.id(), errors));
        }
        return finish("people", dryRun, results, () -> {
            for (PersonRow row : rows) {
                audit.change(by, "person.import", "person/" + row.id(), personState(row.id()), () -> {
                    directory.putPerson(row.id(), row.displayName(), row.email(), row.phone(), row.preferredLanguage());
                    roles(row.roles(), new ArrayList<>()).forEach(r -> directory.assign(r.siteId(), row.id(), r.role()));
                });
            }
        });
    }

    @Transactional
    public Result rota(String by, List<RotaRow> rows, boolean dryRun) {
        List<RowResult> results = new ArrayList<>();
        Map<List<String>, List<WorkShift>> weekly = new LinkedHashMap<>();
        Map<List<String>, List<ShiftException>> dated = new LinkedHashMap<>();
        for (RotaRow row : rows) {
            List<FieldProblem> errors = new ArrayList<>();
            if (row.personId() == null) {
                errors.add(new FieldProblem("personId", "is required"));
            } else if (directory.person(row.personId()).isEmpty()) {
                errors.add(new FieldProblem("personId", "no person " + row.personId() + " in the directory (import people first)"));
            }
            if (row.siteId() == null) {
                errors.add(new FieldProblem("siteId", "is required"));
            } else if (directory.site(row.siteId()).isEmpty()) {
                errors.add(new FieldProblem("siteId", "no site " + row.siteId() + " in the directory"));
            }
            LocalTime start = time("start", row.start(), errors);
            LocalTime end = time("end", row.end(), errors);
            DayOfWeek day = null;
            LocalDate date = null;
            WorkPattern.Kind kind = null;
            if (row.day() == null) {
                errors.add(new FieldProblem("day", "is required: a weekday (MONDAY) or a date (2026-03-09)"));
            } else if (row.day().matches("\\d{4}-\\d{2}-\\d{2}")) {
                try {
                    date = LocalDate.parse(row.day());
                } catch (DateTimeParseException e) {
                    errors.add(new FieldProblem("day", "is not a date"));
                }
                try {
                    kind = row.kind() == null ? null : WorkPattern.Kind.valueOf(row.kind().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    kind = null;
                }
                if (kind == null) {
                    errors.add(new FieldProblem("kind", "a dated row is LEAVE or EXTRA"));
                }
            } else {
                try {
                    day = DayOfWeek.valueOf(row.day().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldProblem("day", "must be a weekday (MONDAY … SUNDAY) or a date (2026-03-09)"));
                }
                if (row.kind() != null) {
                    errors.add(new FieldProblem("kind", "only a dated row has a kind"));
                }
            }
            if (start != null && start.equals(end) && (day != null || kind == WorkPattern.Kind.EXTRA)) {
                errors.add(new FieldProblem("end", "a shift ends at another time than it starts"));
            }
            if (errors.isEmpty()) {
                List<String> key = List.of(row.personId(), row.siteId());
                weekly.computeIfAbsent(key, k -> new ArrayList<>());
                dated.computeIfAbsent(key, k -> new ArrayList<>());
                if (day != null) {
                    weekly.get(key).add(WorkShift.of(row.personId(), row.siteId(), day, start, end));
                } else {
                    dated.get(key).add(ShiftException.of(row.personId(), row.siteId(), date, start, end, kind));
                }
            }
            results.add(new RowResult(row.line(), row.personId() + "@" + row.siteId(), errors));
        }
        return finish("rota", dryRun, results, () -> weekly.forEach((key, shifts) -> {
            String personId = key.get(0);
            String siteId = key.get(1);
            audit.change(by, "work-pattern.import", "person/" + personId + "/site/" + siteId, patternState(personId, siteId),
                    () -> directory.replacePattern(personId, siteId, shifts, dated.get(key)));
        }));
    }

    private static Result finish(String kind, boolean dryRun, List<RowResult> results, Runnable write) {
        boolean valid = results.stream().allMatch(r -> r.errors().isEmpty());
        if (valid && !dryRun) {
            write.run();
        }
        return new Result(kind, dryRun, valid, valid && !dryRun, results);
    }

    private List<RoleAt> roles(String text, List<FieldProblem> errors) {
        List<RoleAt> roles = new ArrayList<>();
        if (text == null) {
            return roles;
        }
        for (String part : text.split(";")) {
            String entry = part.trim();
            if (entry.isEmpty()) {
                continue;
            }
            String[] roleAt = entry.split("@", 2);
            SiteRole role = null;
            try {
                role = SiteRole.valueOf(roleAt[0].trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldProblem("roles", "'" + entry + "': the role is SUPERVISOR, PROGRAM_DIRECTOR or FACILITATOR"));
            }
            if (roleAt.length < 2 || directory.site(roleAt[1].trim()).isEmpty()) {
                errors.add(new FieldProblem("roles", "'" + entry + "': name a site of the directory after @, e.g. SUPERVISOR@site-north"));
            } else if (role != null) {
                roles.add(new RoleAt(roleAt[1].trim(), role));
            }
        }
        return roles;
    }

    private static LocalTime time(String field, String text, List<FieldProblem> errors) {
        if (text == null) {
            errors.add(new FieldProblem(field, "is required: a time such as 07:00"));
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldProblem(field, "must be a time such as 07:00"));
            return null;
        }
    }

    private Supplier<Object> personState(String personId) {
        return () -> directory.person(personId).map(p -> Map.of("id", p.id, "displayName", p.displayName, "email", p.email,
                "phone", String.valueOf(p.phone), "preferredLanguage", String.valueOf(p.preferredLanguage),
                "roles", directory.assignments(p.id).stream().map(a -> a.role + "@" + a.siteId).toList())).orElse(null);
    }

    private Supplier<Object> patternState(String personId, String siteId) {
        return () -> {
            WorkPattern pattern = directory.patterns(personId).get(siteId);
            return pattern == null ? null : Map.of("weekly", pattern.weekly(), "dated", pattern.exceptions());
        };
    }

}
