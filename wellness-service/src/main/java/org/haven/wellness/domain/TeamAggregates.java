package org.haven.wellness.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.wellness.config.WellnessConfig;
import org.haven.wellness.persistence.AnswerSeal;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A team's picture for directors, per site and calendar month (UTC): how many follow-ups were opened
 * and how many of them happened, and the mean check-in scores. No figure can be traced to a person:
 * <ul>
 * <li>every figure, follow-up counts included, is shown only where at least {@code min-contributors}
 * (never fewer than five) different people are behind it; below that, the answers are not even opened;</li>
 * <li>each person counts once per month: their own mean for the month, then the mean of those, so
 * someone who checks in more often than the others does not weigh more, and no count of check-ins
 * tells who did;</li>
 * <li>the reader is left out of what they read, so a director who was involved in an incident is never
 * one of the five (who would otherwise be four others and themself), and their own answers never help
 * them work out the others';</li>
 * <li>check-in figures only for months that are over: fixed, closed months cannot be differenced against
 * each other the way arbitrary or still-growing periods could;</li>
 * <li>a closed month in which someone has since erased a check-in ({@link CheckInErasure}) is withheld from then
 * on: shown again without that check-in, the difference from what was shown before would be the erased answers.
 * A check-in erased while its month is still going on changes nothing that was ever shown;</li>
 * <li>the retention purge removes whole months at once ({@link WellnessRetention}), for the same reason.</li>
 * </ul>
 */
@ApplicationScoped
public class TeamAggregates {

    /** The floor no configuration can lower. */
    static final int SMALLEST_GROUP = 5;

    private final AnswerSeal seal;
    private final WellnessAudit audit;
    private final int minContributors;

    TeamAggregates(AnswerSeal seal, WellnessAudit audit, WellnessConfig config) {
        this.seal = seal;
        this.audit = audit;
        this.minContributors = Math.max(SMALLEST_GROUP, config.aggregates().minContributors());
    }

    /**
     * Of the follow-ups opened in the month, how many have happened (null, with the reason, when fewer
     * than the minimum people are behind them); and the check-ins given in it.
     */
    public record SiteMonth(String siteId, YearMonth month, Suppression followUpsSuppressed, Long followUpsOpened,
                            Long followUpsCompleted, CheckInTrend checkIns) {
    }

    /** Why figures are withheld, when they are. */
    public enum Suppression {
        FEWER_THAN_MINIMUM, MONTH_NOT_OVER, CHANGED_BY_ERASURE
    }

    /** Null figures when suppressed; {@code contributors} is the number of people, each counted once. */
    public record CheckInTrend(Suppression suppressed, int minimum, Long contributors, List<SubscaleMean> subscales) {
    }

    public record SubscaleMean(String instrumentId, String subscale, String title, double mean, int min, int max) {
    }

    /** The figures {@code reader} may see: everyone's but their own. */
    @Transactional
    public List<SiteMonth> of(Set<String> sites, YearMonth first, YearMonth last, YearMonth current, String reader) {
        List<SiteMonth> aggregates = new ArrayList<>();
        for (String site : new TreeSet<>(sites)) {
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                CheckInTrend trend = !month.isBefore(current) ? withheld(Suppression.MONTH_NOT_OVER)
                        : audit.erasedAfter(site, month, to) ? withheld(Suppression.CHANGED_BY_ERASURE)
                        : trend(site, from, to, reader);
                aggregates.add(followUps(site, month, from, to, reader, trend));
            }
        }
        return aggregates;
    }

    /**
     * Only the follow-up counts, for the completion report: the same months, the same floor and the same exclusion of
     * the reader as {@link #of}, without reading a single check-in ({@code checkIns} is null).
     */
    @Transactional
    public List<SiteMonth> followUpCompletion(Set<String> sites, YearMonth first, YearMonth last, String reader) {
        List<SiteMonth> completion = new ArrayList<>();
        for (String site : new TreeSet<>(sites)) {
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                completion.add(followUps(site, month, from, to, reader, null));
            }
        }
        return completion;
    }

    private SiteMonth followUps(String site, YearMonth month, Instant from, Instant to, String reader, CheckInTrend trend) {
        Object[] counts = FollowUp.getEntityManager().createQuery(
                        "select count(distinct f.staffId), count(f), coalesce(sum(case when f.status = ?5 then 1 else 0 end), 0)"
                                + " from FollowUp f where f.siteId = ?1 and f.createdAt >= ?2 and f.createdAt < ?3 and f.staffId <> ?4",
                        Object[].class)
                .setParameter(1, site).setParameter(2, from).setParameter(3, to).setParameter(4, reader)
                .setParameter(5, FollowUpStatus.COMPLETED).getSingleResult();
        if (((Number) counts[0]).longValue() < minContributors) {
            return new SiteMonth(site, month, Suppression.FEWER_THAN_MINIMUM, null, null, trend);
        }
        return new SiteMonth(site, month, null, ((Number) counts[1]).longValue(), ((Number) counts[2]).longValue(), trend);
    }

    private CheckInTrend withheld(Suppression why) {
        return new CheckInTrend(why, minContributors, null, List.of());
    }

    private CheckInTrend trend(String site, Instant from, Instant to, String reader) {
        Long contributors = CheckIn.getEntityManager().createQuery(
                        "select count(distinct c.staffId) from CheckIn c"
                                + " where c.siteId = ?1 and c.submittedAt >= ?2 and c.submittedAt < ?3 and c.staffId <> ?4",
                        Long.class)
                .setParameter(1, site).setParameter(2, from).setParameter(3, to).setParameter(4, reader).getSingleResult();
        if (contributors < minContributors) {
            return withheld(Suppression.FEWER_THAN_MINIMUM);
        }
        List<CheckIn> checkIns = CheckIn.list("siteId = ?1 and submittedAt >= ?2 and submittedAt < ?3 and staffId <> ?4",
                site, from, to, reader);
        Map<String, SubscaleMean> shape = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> byPerson = new LinkedHashMap<>();
        for (CheckIn checkIn : checkIns) {
            for (InstrumentResult result : seal.open(checkIn.id, checkIn.staffId, checkIn.sealedResults)) {
                for (Instrument.Score score : result.scores()) {
                    String key = result.instrumentId() + "/" + score.subscale();
                    shape.putIfAbsent(key, new SubscaleMean(result.instrumentId(), score.subscale(), score.title(), 0, score.min(), score.max()));
                    double[] sum = byPerson.computeIfAbsent(key, k -> new LinkedHashMap<>())
                            .computeIfAbsent(checkIn.staffId, person -> new double[2]);
                    sum[0] += score.score();
                    sum[1]++;
                }
            }
        }
        List<SubscaleMean> means = new ArrayList<>();
        shape.forEach((key, s) -> {
            Map<String, double[]> people = byPerson.get(key);
            if (people.size() < minContributors) {
                return; // an optional instrument only a few answered would single them out
            }
            double mean = people.values().stream().mapToDouble(sum -> sum[0] / sum[1]).average().orElseThrow();
            means.add(new SubscaleMean(s.instrumentId(), s.subscale(), s.title(), Math.round(mean * 100) / 100.0, s.min(), s.max()));
        });
        return new CheckInTrend(null, minContributors, contributors, means);
    }
}
