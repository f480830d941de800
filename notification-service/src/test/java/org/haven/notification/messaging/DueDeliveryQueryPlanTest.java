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
        assertRepeatedLookupsReuseTheirPlan("alert_delivery", alerts::sendDueBatch);
    }

    @Test
    void lookingForTheNextDueNoticeDeliveryReusesItsCachedPlan() {
        assertRepeatedLookupsReuseTheirPlan("notice_delivery", notices::sendDue);
    }

    /** Looks for due rows of {@code table} again and again: each look after the first must find its plan cached. */
    private void assertRepeatedLookupsReuseTheirPlan(String table, Runnable lookForDueRows) {
        Statistics statistics = statistics();
        try {
            lookForDueRows.run();
            long hits = plans(statistics, table, QueryStatistics::getPlanCacheHitCount);
            long misses = plans(statistics, table, QueryStatistics::getPlanCacheMissCount);
            for (int i = 0; i < LOOKS; i++) {
                lookForDueRows.run();
            }
            assertThat(plans(statistics, table, QueryStatistics::getPlanCacheHitCount) - hits).as("found in the plan cache")
                    .isGreaterThanOrEqualTo(LOOKS);
            assertThat(plans(statistics, table, QueryStatistics::getPlanCacheMissCount) - misses).as("planned again")
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
