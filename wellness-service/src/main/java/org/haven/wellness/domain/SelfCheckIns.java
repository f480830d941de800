package org.haven.wellness.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import org.haven.wellness.persistence.AnswerSeal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A staff member's private self check-in on one of their own open follow-ups: the answers are scored,
 * sealed and kept for them alone; the follow-up is marked as having happened (all a supervisor sees);
 * a request to talk, if they make one, is the only thing announced.
 */
@ApplicationScoped
public class SelfCheckIns {

    private final WellnessAccess access;
    private final Instruments instruments;
    private final AnswerSeal seal;
    private final Conversations conversations;
    private final Clock clock;

    SelfCheckIns(WellnessAccess access, Instruments instruments, AnswerSeal seal, Conversations conversations, Clock clock) {
        this.access = access;
        this.instruments = instruments;
        this.seal = seal;
        this.conversations = conversations;
        this.clock = clock;
    }

    /** What the owner sees of a check-in. */
    public record Result(CheckIn checkIn, List<InstrumentResult> results, boolean conversationRequested) {
    }

    @Transactional
    public Result submit(UUID followUpId, Map<String, Map<String, Integer>> answers, boolean requestConversation) {
        String notFound = "No follow-up " + followUpId;
        FollowUp followUp = FollowUp.findById(followUpId, LockModeType.PESSIMISTIC_WRITE);
        access.requireOwnSelfCheckIn(followUp, notFound);
        if (!followUp.isOpen()) {
            throw new ClientErrorException("You already checked in for this follow-up", Response.Status.CONFLICT);
        }
        List<InstrumentResult> results = score(answers);
        Instant now = clock.instant();

        CheckIn checkIn = new CheckIn();
        checkIn.id = UUID.randomUUID();
        checkIn.followUpId = followUp.id;
        checkIn.staffId = followUp.staffId;
        checkIn.siteId = followUp.siteId;
        checkIn.submittedAt = now;
        checkIn.sealedResults = seal.seal(checkIn.id, checkIn.staffId, results);
        checkIn.persist();
        followUp.complete(now);
        if (requestConversation) {
            conversations.request(followUp.staffId, followUp.siteId, checkIn.id, now);
        }
        return new Result(checkIn, results, requestConversation);
    }

    /** The caller's own check-in, opened; anyone else's answers exactly like a missing one. */
    @Transactional
    public Result own(UUID checkInId) {
        CheckIn checkIn = CheckIn.findById(checkInId);
        access.requireOwnCheckIn(checkIn, "No check-in " + checkInId);
        return opened(checkIn);
    }

    @Transactional
    public List<Result> ownAll() {
        return CheckIn.<CheckIn>list("staffId = ?1 order by submittedAt desc", access.personId()).stream()
                .map(this::opened).toList();
    }

    /** The caller's own check-in on a follow-up, if they gave it. */
    @Transactional
    public Optional<UUID> ownCheckInOf(UUID followUpId) {
        return CheckIn.<CheckIn>find("followUpId = ?1 and staffId = ?2", followUpId, access.personId())
                .firstResultOptional().map(checkIn -> checkIn.id);
    }

    /**
     * After seeing their result the person asks to talk: their supervisor learns only that they asked.
     * Asking twice about the same check-in asks once.
     */
    @Transactional
    public Result askForConversation(UUID checkInId) {
        CheckIn checkIn = CheckIn.findById(checkInId, LockModeType.PESSIMISTIC_WRITE);
        access.requireOwnCheckIn(checkIn, "No check-in " + checkInId);
        if (ConversationRequest.count("checkInId", checkIn.id) == 0) {
            conversations.request(checkIn.staffId, checkIn.siteId, checkIn.id, clock.instant());
        }
        return opened(checkIn);
    }

    private Result opened(CheckIn checkIn) {
        return new Result(checkIn, seal.open(checkIn.id, checkIn.staffId, checkIn.sealedResults),
                ConversationRequest.count("checkInId", checkIn.id) > 0);
    }

    private List<InstrumentResult> score(Map<String, Map<String, Integer>> answers) {
        List<String> problems = new ArrayList<>();
        if (!answers.containsKey(instruments.required().id())) {
            problems.add(instruments.required().id() + " must be answered");
        }
        List<InstrumentResult> results = new ArrayList<>();
        answers.forEach((instrumentId, itemAnswers) -> instruments.byId(instrumentId).ifPresentOrElse(instrument -> {
            List<String> found = instrument.problemsWith(itemAnswers);
            if (found.isEmpty()) {
                results.add(new InstrumentResult(instrumentId, itemAnswers, instrument.score(itemAnswers)));
            }
            problems.addAll(found);
        }, () -> problems.add(instrumentId + " is not an instrument this check-in offers")));
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems));
        }
        return results;
    }
}
