package org.haven.notification.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.haven.notification.GreenMailSmtp;
import org.haven.notification.SmsProvider;
import org.haven.testing.HavenInfrastructure;
import org.hibernate.SessionFactory;
import org.hibernate.stat.QueryStatistics;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The senders look for the next due delivery many times a second. Hibernate caches a native query's plan
 * under a key that includes its result mapping; a mapping that never equals another one (a result class
 * such as {@code UUID.class}) adds a new entry on every call, all with the SQL's hash, and each look-up
 * then walks them all. Here the look-up must be found in the cache after its first use.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class DueDeliveryQueryPlanTest {

    private static final int LOOKS = 40;

    @Inject
    DeliverySender alerts;
    @Inject
    NoticeSender notices;
    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void lookingForTheNextDueAlertDeliveryReusesItsCachedPlan() {
        Statistics statistics = statistics();
        try {
            alerts.sendDueBatch();
            long hits = plans(statistics, "alert_delivery", QueryStatistics::getPlanCacheHitCount);
            long misses = plans(statistics, "alert_delivery", QueryStatistics::getPlanCacheMissCount);
            for (int i = 0; i < LOOKS; i++) {
                alerts.sendDueBatch();
            }
            assertThat(plans(statistics, "alert_delivery", QueryStatistics::getPlanCacheHitCount) - hits).as("found in the plan cache")
                    .isGreaterThanOrEqualTo(LOOKS);
            assertThat(plans(statistics, "alert_delivery", QueryStatistics::getPlanCacheMissCount) - misses).as("planned again")
                    .isLessThan(LOOKS / 4);
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    @Test
    void lookingForTheNextDueNoticeDeliveryReusesItsCachedPlan() {
        Statistics statistics = statistics();
        try {
            notices.sendDue();
            long hits = plans(statistics, "notice_delivery", QueryStatistics::getPlanCacheHitCount);
            long misses = plans(statistics, "notice_delivery", QueryStatistics::getPlanCacheMissCount);
            for (int i = 0; i < LOOKS; i++) {
                notices.sendDue();
            }
            assertThat(plans(statistics, "notice_delivery", QueryStatistics::getPlanCacheHitCount) - hits).as("found in the plan cache")
                    .isGreaterThanOrEqualTo(LOOKS);
            assertThat(plans(statistics, "notice_delivery", QueryStatistics::getPlanCacheMissCount) - misses).as("planned again")
                    .isLessThan(LOOKS / 4);
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    private Statistics statistics() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        return statistics;
    }

    /** A plan cache count, so far, of the query that locks the next due row of {@code table}. */
    private static long plans(Statistics statistics, String table, ToLongFunction<QueryStatistics> count) {
        return Arrays.stream(statistics.getQueries())
                .filter(sql -> sql.contains("FROM " + table) && sql.contains("SKIP LOCKED"))
                .mapToLong(sql -> count.applyAsLong(statistics.getQueryStatistics(sql)))
                .sum();
    }
}
