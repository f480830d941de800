package org.haven.notification.api;

import org.haven.http.Ids;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.haven.notification.config.EscalationConfig;
import org.haven.notification.domain.Alert;
import org.haven.notification.domain.CsvTable;
import org.haven.notification.domain.Directory;
import org.haven.notification.domain.DirectoryImport;
import org.haven.notification.domain.DirectoryAudit;
import org.haven.notification.domain.Person;
import org.haven.notification.domain.UnroutableAlerts;
import org.haven.notification.domain.EscalationLevel;
import org.haven.notification.domain.EscalationTarget;
import org.haven.notification.domain.OnCallShift;
import org.haven.notification.domain.Site;
import org.haven.notification.domain.SiteRole;
import org.haven.notification.domain.ShiftException;
import org.haven.notification.domain.WorkShift;
import org.haven.events.WorkPattern;
import org.haven.security.Caller;
import org.haven.security.HavenRole;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The directory: sites, people and their contact methods, who supervises which site, the on-call
 * rota and each site's escalation chain. Administrators change it and see all of it; supervisors and
 * directors read the sites they belong to (another site answers like a missing one).
 */
@Path("/api/directory")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(HavenRole.ADMIN)
public class DirectoryResource {


    private final Directory directory;
    private final Caller caller;
    private final EscalationConfig escalation;
    private final Clock clock;
    private final DirectoryAudit audit;
    private final UnroutableAlerts unroutableAlerts;
    private final ObjectMapper json;
    private final DirectoryImport importer;

    DirectoryResource(Directory directory, Caller caller, EscalationConfig escalation, Clock clock, DirectoryAudit audit,
                      UnroutableAlerts unroutableAlerts, ObjectMapper json, DirectoryImport importer) {
        this.importer = importer;
        this.directory = directory;
        this.caller = caller;
        this.escalation = escalation;
        this.clock = clock;
        this.audit = audit;
        this.unroutableAlerts = unroutableAlerts;
        this.json = json;
    }

    @GET
    @Path("/sites")
    @RolesAllowed({HavenRole.SUPERVISOR, HavenRole.DIRECTOR, HavenRole.ADMIN})
    public List<SiteView> sites() {
        List<Site> sites = caller.is(HavenRole.ADMIN) ? directory.sites() : directory.sitesIn(caller.sites());
        return sites.stream().map(site -> SiteView.of(site, directory.members(site.id))).toList();
    }

    @GET
    @Path("/sites/{siteId}")
    @RolesAllowed({HavenRole.SUPERVISOR, HavenRole.DIRECTOR, HavenRole.ADMIN})
    public SiteView site(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId) {
        Site site = readableSite(siteId);
        return SiteView.of(site, directory.members(site.id));
    }

    @GET
    @Path("/sites/{siteId}/escalation")
    @RolesAllowed({HavenRole.SUPERVISOR, HavenRole.DIRECTOR, HavenRole.ADMIN})
    public DirectoryViews.ChainView chain(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId) {
        Site site = readableSite(siteId);
        boolean siteDefault = directory.configuredChain(siteId).isEmpty();
        return new DirectoryViews.ChainView(siteId, site.escalationRepeats, siteDefault,
                directory.chain(siteId, escalation.directorAfter()).stream().map(DirectoryViews.LevelView::of).toList());
    }

    @GET
    @Path("/sites/{siteId}/on-call")
    @RolesAllowed({HavenRole.SUPERVISOR, HavenRole.DIRECTOR, HavenRole.ADMIN})
    public DirectoryViews.OnCallView onCall(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId) {
        readableSite(siteId);
        Instant now = clock.instant();
        return new DirectoryViews.OnCallView(siteId, now,
                directory.onCall(siteId, now).map(DirectoryViews.PersonView::of).orElse(null),
                directory.rota(siteId, now).stream().map(DirectoryViews.ShiftView::of).toList());
    }

    @GET
    @Path("/people")
    public List<DirectoryViews.PersonDetail> people() {
        return directory.people().stream().map(this::detail).toList();
    }

    @GET
    @Path("/people/{personId}")
    public DirectoryViews.PersonDetail person(@PathParam("personId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String personId) {
        return directory.person(personId).map(this::detail).orElseThrow(() -> new NotFoundException("No person " + personId));
    }

    @PUT
    @Path("/sites/{siteId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public SiteView putSite(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId,
                            @NotNull(message = "a JSON body is required") @Valid DirectoryRequests.SiteRequest request) {
        audit.change(caller.personId(), "site.put", "site/" + siteId, () -> siteState(siteId), () -> {
            directory.putSite(siteId, request.name(), ZoneId.of(request.timeZone()));
            directory.setJurisdiction(siteId, blankToNull(request.jurisdiction()));
        });
        return site(siteId);
    }

    @PUT
    @Path("/people/{personId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public DirectoryViews.PersonDetail putPerson(@PathParam("personId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String personId,
                                                 @NotNull(message = "a JSON body is required") @Valid DirectoryRequests.PersonRequest request) {
        audit.change(caller.personId(), "person.put", "person/" + personId, () -> personState(personId),
                () -> directory.putPerson(personId, request.displayName(), request.email(), blankToNull(request.phone()),
                        blankToNull(request.preferredLanguage())));
        return person(personId);
    }

    @PUT
    @Path("/sites/{siteId}/members/{personId}/{role}")
    @Transactional
    public SiteView assign(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId, @PathParam("personId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String personId, @PathParam("role") SiteRole role) {
        existingSite(siteId);
        existingPerson(personId);
        audit.change(caller.personId(), "role.assign", "person/" + personId, () -> personState(personId),
                () -> directory.assign(siteId, personId, role));
        return site(siteId);
    }

    @DELETE
    @Path("/sites/{siteId}/members/{personId}/{role}")
    @Transactional
    public SiteView unassign(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId, @PathParam("personId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String personId, @PathParam("role") SiteRole role) {
        existingSite(siteId);
        audit.change(caller.personId(), "role.remove", "person/" + personId, () -> personState(personId),
                () -> directory.unassign(siteId, personId, role));
        return site(siteId);
    }

    @PUT
    @Path("/sites/{siteId}/escalation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public DirectoryViews.ChainView putChain(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId,
                                             @NotNull(message = "a JSON body is required") @Valid DirectoryRequests.ChainRequest request) {
        existingSite(siteId);
        Duration previous = Duration.ZERO;
        List<EscalationLevel> levels = new java.util.ArrayList<>();
        for (DirectoryRequests.LevelRequest level : request.levels()) {
            String field = "levels[" + levels.size() + "]";
            if (level.after().isNegative() || level.after().compareTo(previous) < 0) {
                throw new InvalidField(field + ".after", "Each level must come at or after the one before it");
            }
            if ((level.target() == EscalationTarget.PERSON) != (level.personId() != null)) {
                throw new InvalidField(field + ".personId", "A PERSON level names a personId; other levels do not");
            }
            if (level.personId() != null && directory.person(level.personId()).isEmpty()) {
                throw new InvalidField(field + ".personId", "No person " + level.personId());
            }
            previous = level.after();
            levels.add(EscalationLevel.of(siteId, levels.size() + 1, level.after(), level.target(), level.personId()));
        }
        audit.change(caller.personId(), "escalation.put", "site/" + siteId + "/escalation", () -> chain(siteId),
                () -> directory.replaceChain(siteId, request.repeats(), levels));
        return chain(siteId);
    }

    @POST
    @Path("/sites/{siteId}/on-call")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response addShift(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId,
                             @NotNull(message = "a JSON body is required") @Valid DirectoryRequests.ShiftRequest request) {
        checkShift(siteId, request);
        OnCallShift[] added = new OnCallShift[1];
        audit.change(caller.personId(), "on-call.add", "site/" + siteId + "/on-call",
                () -> added[0] == null ? null : shiftState(added[0].id),
                () -> added[0] = directory.addShift(siteId, request.personId(), request.startsAt(), request.endsAt()));
        return Response.status(Response.Status.CREATED).entity(shiftState(added[0].id)).build();
    }

    @PUT
    @Path("/sites/{siteId}/on-call/{shiftId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public DirectoryViews.ShiftView changeShift(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId,
                                                @PathParam("shiftId") long shiftId,
                                                @NotNull(message = "a JSON body is required") @Valid DirectoryRequests.ShiftRequest request) {
        existingShift(siteId, shiftId);
        checkShift(siteId, request);
        audit.change(caller.personId(), "on-call.change", "site/" + siteId + "/on-call/" + shiftId, () -> shiftState(shiftId),
                () -> directory.changeShift(shiftId, request.personId(), request.startsAt(), request.endsAt()));
        return shiftState(shiftId);
    }

    @DELETE
    @Path("/sites/{siteId}/on-call/{shiftId}")
    @Transactional
    public Response removeShift(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId,
                                @PathParam("shiftId") long shiftId) {
        existingShift(siteId, shiftId);
        audit.change(caller.personId(), "on-call.remove", "site/" + siteId + "/on-call/" + shiftId, () -> shiftState(shiftId),
                () -> directory.removeShift(shiftId));
        return Response.noContent().build();
    }

    @GET
    @Path("/people/{personId}/sites/{siteId}/work-pattern")
    public DirectoryViews.WorkPatternView workPattern(@PathParam("personId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String personId,
                                                      @PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId) {
        existingPerson(personId);
        Site site = existingSite(siteId);
        WorkPattern pattern = directory.patterns(personId).getOrDefault(siteId, WorkPattern.none());
        return new DirectoryViews.WorkPatternView(personId, siteId, site.timeZone, pattern.weekly(), pattern.exceptions());
    }

    /** Replaces a person's working time at a site; with none anywhere, every hour is working time for notices. */
    @PUT
    @Path("/people/{personId}/sites/{siteId}/work-pattern")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public DirectoryViews.WorkPatternView putWorkPattern(
            @PathParam("personId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String personId,
            @PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId,
            @NotNull(message = "a JSON body is required") @Valid DirectoryRequests.WorkPatternRequest request) {
        existingPerson(personId);
        existingSite(siteId);
        List<DirectoryRequests.ShiftExceptionRequest> exceptions = request.exceptions() == null ? List.of() : request.exceptions();
        audit.change(caller.personId(), "work-pattern.put", "person/" + personId + "/site/" + siteId,
                () -> patternState(personId, siteId),
                () -> directory.replacePattern(personId, siteId,
                        request.weekly().stream().map(s -> WorkShift.of(personId, siteId, s.day(), s.start(), s.end())).toList(),
                        exceptions.stream().map(e -> ShiftException.of(personId, siteId, e.date(), e.start(), e.end(), e.kind())).toList()));
        return workPattern(personId, siteId);
    }

    /** A site's week from {@code from} (a date; by default this week's Monday there), in the site's own zone. */
    @GET
    @Path("/sites/{siteId}/week")
    public DirectoryViews.WeekView week(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId,
                                        @QueryParam("from") String from) {
        Site site = existingSite(siteId);
        return SiteWeek.of(directory, site, from == null || from.isBlank()
                ? clock.instant().atZone(site.zone()).toLocalDate().with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                : date("from", from));
    }

    @GET
    @Path("/setup")
    public DirectoryViews.SetupView setupNeeded() {
        return new DirectoryViews.SetupView(directory.isEmpty());
    }

    /**
     * The first run: the first site, its first supervisor, and the signed-in admin as an administrator (paged when
     * an alert can reach no one else). Refused with 409 once the directory has a site, or when the ids are taken:
     * set-up never overwrites.
     */
    @POST
    @Path("/setup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response setup(@NotNull(message = "a JSON body is required") @Valid DirectoryRequests.SetupRequest request) {
        String me = caller.personId();
        directory.lockForSetUp();
        if (!directory.isEmpty()) {
            throw new ClientErrorException("The directory already has a site: set-up is for a first run only", Response.Status.CONFLICT);
        }
        if (directory.site(request.site().id()).isPresent()) {
            throw new ClientErrorException("Site " + request.site().id() + " already exists", Response.Status.CONFLICT);
        }
        if (directory.person(request.supervisor().id()).isPresent() || request.supervisor().id().equals(me)) {
            throw new ClientErrorException("Person " + request.supervisor().id() + " already exists", Response.Status.CONFLICT);
        }
        DirectoryRequests.SetupSite site = request.site();
        DirectoryRequests.SetupPerson supervisor = request.supervisor();
        audit.change(me, "site.put", "site/" + site.id(), () -> siteState(site.id()), () -> {
            directory.putSite(site.id(), site.name(), ZoneId.of(site.timeZone()));
            directory.setJurisdiction(site.id(), site.jurisdiction());
        });
        audit.change(me, "person.put", "person/" + supervisor.id(), () -> personState(supervisor.id()), () -> {
            directory.putPerson(supervisor.id(), supervisor.displayName(), supervisor.email(), blankToNull(supervisor.phone()),
                    blankToNull(supervisor.preferredLanguage()));
            directory.assign(site.id(), supervisor.id(), SiteRole.SUPERVISOR);
        });
        audit.change(me, "administrator.add", "person/" + me, () -> personState(me), () -> {
            if (directory.person(me).isEmpty()) {
                directory.putPerson(me, request.you().displayName(), request.you().email(), blankToNull(request.you().phone()), null);
            }
            directory.makeAdministrator(me, clock.instant());
        });
        return Response.status(Response.Status.CREATED).entity(site(site.id())).build();
    }

    /** Critical incidents no one could be paged for, until someone takes charge: the console's banner. */
    @GET
    @Path("/unroutable")
    public List<DirectoryViews.UnroutableView> unroutable() {
        return unroutableAlerts.open(null).stream().map(o -> unroutableView(directory, o)).toList();
    }

    /** Every directory change, newest first. */
    @GET
    @Path("/audit")
    public List<DirectoryViews.AuditView> audit(@QueryParam("page") @jakarta.ws.rs.DefaultValue("0") @jakarta.validation.constraints.Min(0) int page,
                                                @QueryParam("size") @jakarta.ws.rs.DefaultValue("50") @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(200) int size) {
        return audit.latest(page * size, size).stream()
                .map(c -> new DirectoryViews.AuditView(c.id, c.changedAt, c.changedBy, c.action, c.subject, tree(c.beforeJson), tree(c.afterJson)))
                .toList();
    }

    /**
     * Imports people or the rota from CSV ({@code kind} = {@code people} or {@code rota}), all rows or none. A dry run
     * (the default) lists each row's errors and writes nothing; an import with any error is refused whole, with a 400
     * problem naming each row's field.
     */
    @POST
    @Path("/import/{kind}")
    @Consumes("text/csv")
    public DirectoryImport.Result importCsv(@PathParam("kind") String kind,
                                            @QueryParam("dryRun") @jakarta.ws.rs.DefaultValue("true") boolean dryRun,
                                            String csv) {
        List<CsvTable.Row> rows;
        try {
            rows = CsvTable.parse(csv == null ? "" : csv);
        } catch (CsvTable.Unreadable e) {
            throw new InvalidField("file", e.getMessage());
        }
        List<String> columns = switch (kind) {
            case "people" -> DirectoryImport.PEOPLE_COLUMNS;
            case "rota" -> DirectoryImport.ROTA_COLUMNS;
            default -> throw new NotFoundException("Import people or rota, not " + kind);
        };
        if (rows.isEmpty()) {
            throw new InvalidField("file", "has no rows under its header");
        }
        List<String> missing = columns.stream().filter(c -> !rows.get(0).fields().containsKey(c.toLowerCase(java.util.Locale.ROOT))).toList();
        if (!missing.isEmpty()) {
            throw new InvalidField("file", "the header lacks the column(s) " + String.join(", ", missing) + "; it names "
                    + String.join(",", columns));
        }
        DirectoryImport.Result result = switch (kind) {
            case "people" -> importer.people(caller.personId(), DirectoryImport.peopleRows(rows), dryRun);
            case "rota" -> importer.rota(caller.personId(), DirectoryImport.rotaRows(rows), dryRun);
            default -> throw new NotFoundException("Import people or rota, not " + kind);
        };
        if (!dryRun && !result.valid()) {
            List<org.haven.http.Problem.FieldError> errors = result.rows().stream()
                    .flatMap(r -> r.errors().stream().map(e -> new org.haven.http.Problem.FieldError("line " + r.line() + ": " + e.field(), e.message())))
                    .toList();
            throw new InvalidField("Nothing was imported: " + errors.size() + " error(s) in the file", errors);
        }
        return result;
    }

    static DirectoryViews.UnroutableView unroutableView(Directory directory, UnroutableAlerts.Open open) {
        Alert alert = open.alert();
        return new DirectoryViews.UnroutableView(alert.id, alert.siteId, directory.site(alert.siteId).map(s -> s.name).orElse(alert.siteId),
                alert.incidentType, alert.occurredAt, alert.raisedAt,
                open.siteListed() ? "no one to page at the first level of the chain" : "the site is not in the directory",
                open.administratorsPaged());
    }

    private DirectoryViews.PersonDetail detail(Person person) {
        return DirectoryViews.PersonDetail.of(person, directory.assignments(person.id), directory.isAdministrator(person.id));
    }

    private DirectoryViews.SiteState siteState(String siteId) {
        return directory.site(siteId).map(DirectoryViews.SiteState::of).orElse(null);
    }

    private DirectoryViews.PersonDetail personState(String personId) {
        return directory.person(personId).map(this::detail).orElse(null);
    }

    private DirectoryViews.ShiftView shiftState(Long shiftId) {
        return shiftId == null ? null : OnCallShift.<OnCallShift>findByIdOptional(shiftId).map(DirectoryViews.ShiftView::of).orElse(null);
    }

    private DirectoryViews.PatternState patternState(String personId, String siteId) {
        WorkPattern pattern = directory.patterns(personId).get(siteId);
        return pattern == null ? null : new DirectoryViews.PatternState(personId, siteId,
                directory.site(siteId).map(s -> s.timeZone).orElse(null), pattern.weekly(), pattern.exceptions());
    }

    private void checkShift(String siteId, DirectoryRequests.ShiftRequest request) {
        existingSite(siteId);
        if (directory.person(request.personId()).isEmpty()) {
            throw new InvalidField("personId", "No person " + request.personId());
        }
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw new InvalidField("endsAt", "A shift ends after it starts");
        }
    }

    private void existingShift(String siteId, long shiftId) {
        existingSite(siteId);
        if (directory.shift(siteId, shiftId).isEmpty()) {
            throw new NotFoundException("No on-call shift " + shiftId + " at site " + siteId);
        }
    }

    private JsonNode tree(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("An audit row holds unreadable JSON", e);
        }
    }

    private static java.time.LocalDate date(String field, String text) {
        try {
            return java.time.LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidField(field, "must be a date such as 2026-03-09");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private Site readableSite(String siteId) {
        if (!caller.is(HavenRole.ADMIN) && !caller.sites().contains(siteId)) {
            throw new NotFoundException("No site " + siteId);
        }
        return existingSite(siteId);
    }

    private Site existingSite(String siteId) {
        return directory.site(siteId).orElseThrow(() -> new NotFoundException("No site " + siteId));
    }

    private void existingPerson(String personId) {
        if (directory.person(personId).isEmpty()) {
            throw new NotFoundException("No person " + personId);
        }
    }
}
