package org.haven.wellness.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.wellness.config.WellnessConfig;
import org.haven.wellness.persistence.AnswerSeal;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A team's picture for directors, per site and calendar month (UTC): how many follow-ups were opened
 * and how many of them happened, and the mean check-in scores. Check-in figures are shown only for
 * months that are over and only where at least {@code min-contributors} (never fewer than five)
 * different people checked in, so no figure can be traced to a person: fixed, closed months cannot be
 * differenced against each other the way arbitrary or still-growing periods could. Below that, the
 * answers are not even opened.
 */
@ApplicationScoped
public class TeamAggregates {

    /** The floor no configuration can lower. */
    static final int SMALLEST_GROUP = 5;

    private final AnswerSeal seal;
    private final int minContributors;

    TeamAggregates(AnswerSeal seal, WellnessConfig config) {
        this.seal = seal;
        this.minContributors = Math.max(SMALLEST_GROUP, config.aggregates().minContributors());
    }

    /** Of the follow-ups opened in the month, how many have happened; and the check-ins given in it. */
    public record SiteMonth(String siteId, YearMonth month, long followUpsOpened, long followUpsCompleted, CheckInTrend checkIns) {
    }

    /** Why figures are withheld, when they are. */
    public enum Suppression {
        FEWER_THAN_MINIMUM, MONTH_NOT_OVER
    }

    /** Null figures when suppressed. */
    public record CheckInTrend(Suppression suppressed, int minimum, Long contributors, Long checkIns, List<SubscaleMean> subscales) {
    }

    public record SubscaleMean(String instrumentId, String subscale, String title, double mean, int min, int max) {
    }

    @Transactional
    public List<SiteMonth> of(Set<String> sites, YearMonth first, YearMonth last, YearMonth current) {
        List<SiteMonth> aggregates = new ArrayList<>();
        for (String site : new TreeSet<>(sites)) {
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                long opened = FollowUp.count("siteId = ?1 and createdAt >= ?2 and createdAt < ?3", site, from, to);
                long completed = FollowUp.count("siteId = ?1 and createdAt >= ?2 and createdAt < ?3 and status = ?4", site, from, to,
                        FollowUpStatus.COMPLETED);
                CheckInTrend trend = month.isBefore(current) ? trend(site, from, to) : withheld(Suppression.MONTH_NOT_OVER);
                aggregates.add(new SiteMonth(site, month, opened, completed, trend));
            }
        }
        return aggregates;
    }

    private CheckInTrend withheld(Suppression why) {
        return new CheckInTrend(why, minContributors, null, null, List.of());
    }

    private CheckInTrend trend(String site, Instant from, Instant to) {
        Long contributors = CheckIn.getEntityManager().createQuery(
                        "select count(distinct c.staffId) from CheckIn c where c.siteId = ?1 and c.submittedAt >= ?2 and c.submittedAt < ?3",
                        Long.class)
                .setParameter(1, site).setParameter(2, from).setParameter(3, to).getSingleResult();
        if (contributors < minContributors) {
            return withheld(Suppression.FEWER_THAN_MINIMUM);
        }
        List<CheckIn> checkIns = CheckIn.list("siteId = ?1 and submittedAt >= ?2 and submittedAt < ?3", site, from, to);
        Map<String, SubscaleMean> shape = new LinkedHashMap<>();
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, Set<String>> people = new LinkedHashMap<>();
        for (CheckIn checkIn : checkIns) {
            for (InstrumentResult result : seal.open(checkIn.id, checkIn.staffId, checkIn.sealedResults)) {
                for (Instrument.Score score : result.scores()) {
                    String key = result.instrumentId() + "/" + score.subscale();
                    shape.putIfAbsent(key, new SubscaleMean(result.instrumentId(), score.subscale(), score.title(), 0, score.min(), score.max()));
                    double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
                    sum[0] += score.score();
                    sum[1]++;
                    people.computeIfAbsent(key, k -> new HashSet<>()).add(checkIn.staffId);
                }
            }
        }
        List<SubscaleMean> means = new ArrayList<>();
        shape.forEach((key, s) -> {
            if (people.get(key).size() < minContributors) {
                return; // an optional instrument only a few answered would single them out
            }
            double[] sum = sums.get(key);
            double mean = Math.round(sum[0] / sum[1] * 100) / 100.0;
            means.add(new SubscaleMean(s.instrumentId(), s.subscale(), s.title(), mean, s.min(), s.max()));
        });
        return new CheckInTrend(null, minContributors, contributors, (long) checkIns.size(), means);
    }
}
