package org.haven.notification.domain;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.notification.config.EscalationConfig;
import org.haven.notification.messaging.AlertEvents;
import org.haven.notification.messaging.DeliverySender;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pages one level of an incident's escalation chain and sets the timer for the next. The level is
 * read from the site's chain when it fires, so a chain changed mid-escalation applies from the next
 * level on. A level whose escalation was acknowledged meanwhile is cancelled, never paged.
 */
@ApplicationScoped
public class EscalationFiring {

    private static final Logger LOG = Logger.getLogger(EscalationFiring.class);

    private final Directory directory;
    private final Paging paging;
    private final AlertEvents events;
    private final DeliverySender sender;
    private final EscalationConfig config;
    private final Clock clock;
    private final MeterRegistry meters;

    EscalationFiring(Directory directory, Paging paging, AlertEvents events, DeliverySender sender, EscalationConfig config,
                     Clock clock, MeterRegistry meters) {
        this.directory = directory;
        this.paging = paging;
        this.events = events;
        this.sender = sender;
        this.config = config;
        this.clock = clock;
        this.meters = meters;
    }

    /** Pages the first level of a new escalation now; returns the alerts raised. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Alert> start(Escalation escalation, Instant now) {
        List<EscalationLevel> chain = directory.chain(escalation.siteId, config.directorAfter());
        EscalationStep first = EscalationStep.pending(escalation.incidentId, 1, chain.get(0).level, now, now.plus(chain.get(0).after()));
        first.persist();
        if (first.dueAt.isAfter(now)) {
            return List.of();
        }
        return fire(escalation, first, chain, now);
    }

    /** Fires a due step whose row the caller has locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fire(EscalationStep step) {
        Instant now = clock.instant();
        Optional<Escalation> locked = Escalation.locked(step.incidentId);
        if (locked.isEmpty() || !locked.get().isPaging()) {
            step.status = EscalationStep.Status.CANCELLED;
            return;
        }
        Escalation escalation = locked.get();
        fire(escalation, step, directory.chain(escalation.siteId, config.directorAfter()), now);
    }

    private List<Alert> fire(Escalation escalation, EscalationStep step, List<EscalationLevel> chain, Instant now) {
        Optional<EscalationLevel> level = chain.stream().filter(l -> l.level == step.level).findFirst();
        List<Alert> paged = new ArrayList<>();
        for (Person person : level.map(l -> directory.recipients(l, now)).orElse(List.of())) {
            paging.page(escalation, person, step.level, step.round, now).ifPresent(paged::add);
        }
        step.status = EscalationStep.Status.FIRED;
        step.firedAt = now;
        escalation.levelReached = Math.max(escalation.levelReached, step.level);
        boolean firstPage = step.round == 1 && step.level == chain.get(0).level;
        if (firstPage && paged.isEmpty()) {
            paged.addAll(unroutable(escalation, step, now));
        }
        if (!firstPage) {
            events.escalated(escalation, step.level, paged.stream().map(a -> a.recipientId).toList(), now);
            LOG.infof("Incident %s escalated to level %d (round %d): %d paged", escalation.incidentId, step.level, step.round, paged.size());
        }
        if (!paged.isEmpty()) {
            sender.sendAfterCommit();
        }
        scheduleNext(escalation, step, chain);
        return paged;
    }

    private void scheduleNext(Escalation escalation, EscalationStep step, List<EscalationLevel> chain) {
        Optional<EscalationLevel> next = chain.stream().filter(l -> l.level > step.level).findFirst();
        if (next.isPresent()) {
            EscalationStep.pending(escalation.incidentId, step.round, next.get().level, step.roundStartedAt,
                    step.roundStartedAt.plus(next.get().after())).persist();
            return;
        }
        Site site = directory.site(escalation.siteId).orElse(null);
        if (site != null && step.round <= site.escalationRepeats) {
            Instant roundStart = step.dueAt.plus(config.repeatAfter());
            EscalationLevel first = chain.get(0);
            EscalationStep.pending(escalation.incidentId, step.round + 1, first.level, roundStart, roundStart.plus(first.after())).persist();
            return;
        }
        escalation.status = EscalationStatus.EXHAUSTED;
        LOG.warnf("Incident %s: every level of the escalation chain was paged and no one has acknowledged", escalation.incidentId);
    }

    /**
     * Keeps the incident as one UNROUTABLE alert (which the alerts and console pages show as a banner until someone
     * takes charge) and pages every administrator instead: an alert no one receives must never be only a log line.
     */
    private List<Alert> unroutable(Escalation escalation, EscalationStep step, Instant now) {
        String why = directory.site(escalation.siteId).isPresent() ? "has no one to page at the first level" : "is not in the directory";
        List<Person> administrators = directory.administrators();
        LOG.warnf("Critical incident %s cannot be routed: site '%s' %s. Recorded as an UNROUTABLE alert; %d administrator(s) paged.",
                escalation.incidentId, escalation.siteId, why, administrators.size());
        if (!Alert.exists(escalation.incidentId, null)) {
            Alert.unroutable(escalation, now).persist();
            meters.counter("haven.alerts.unroutable").increment();
        }
        List<Alert> paged = new ArrayList<>();
        for (Person administrator : administrators) {
            paging.page(escalation, administrator, step.level, step.round, now).ifPresent(paged::add);
        }
        return paged;
    }
}
