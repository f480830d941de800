package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.OrganisationPerson;
import org.haven.events.OrganisationSite;
import org.haven.events.WorkPattern;
import org.haven.notification.domain.Directory;
import org.haven.notification.domain.SiteRole;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every directory change is published as the whole state of its site or person, keyed by its id. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class OrganisationEventsTest {

    @Inject
    Directory directory;

    @Test
    void aPatternChangePublishesThePersonsWholeStateKeyedByTheirId() {
        Team team = Team.create(directory);
        Team.Member ana = team.staff().get(0);
        directory.assign(team.siteId(), ana.id(), SiteRole.FACILITATOR);
        ConsumerTask<String, String> people = HavenInfrastructure.kafka().consumeStrings()
                .fromTopics(HavenEvents.PEOPLE_TOPIC, records -> records.filter(r -> ana.id().equals(r.key())));

        given().auth().oauth2(TestTokens.admin("admin")).contentType("application/json")
                .body("{\"weekly\": [{\"day\": \"MONDAY\", \"start\": \"07:00\", \"end\": \"15:00\"}]}")
                .when().put("/api/directory/people/" + ana.id() + "/sites/" + team.siteId() + "/work-pattern")
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> records = people.awaitRecords(3, Duration.ofSeconds(30)).getRecords();
        people.stop();
        EventEnvelope latest = EventCodec.decode(records.get(records.size() - 1).value());
        assertThat(latest.source()).isEqualTo(HavenEvents.ownerOf(HavenEvents.PEOPLE_TOPIC));
        OrganisationPerson person = EventCodec.data(latest, HavenEvents.ORGANISATION_PERSON);
        assertThat(person.personId()).isEqualTo(ana.id());
        assertThat(person.displayName()).isEqualTo(ana.name());
        assertThat(person.roles()).containsExactly(new OrganisationPerson.Role(team.siteId(), "FACILITATOR"));
        assertThat(person.shifts()).containsExactly(new OrganisationPerson.SiteShifts(team.siteId(), new WorkPattern(
                List.of(new WorkPattern.Weekly(DayOfWeek.MONDAY, LocalTime.of(7, 0), LocalTime.of(15, 0))), List.of())));
        assertThat(records.get(records.size() - 1).value()).as("contacts stay in notification-service")
                .doesNotContain(ana.email()).doesNotContain(ana.phone());
    }

    @Test
    void aSiteIsPublishedWithItsZoneAndJurisdiction() {
        Team team = Team.create(directory);
        ConsumerTask<String, String> sites = HavenInfrastructure.kafka().consumeStrings()
                .fromTopics(HavenEvents.SITES_TOPIC, records -> records.filter(r -> team.siteId().equals(r.key())));

        directory.setJurisdiction(team.siteId(), "us-generic");

        List<ConsumerRecord<String, String>> records = sites.awaitRecords(2, Duration.ofSeconds(30)).getRecords();
        sites.stop();
        OrganisationSite site = EventCodec.data(EventCodec.decode(records.get(1).value()), HavenEvents.ORGANISATION_SITE);
        assertThat(site).isEqualTo(new OrganisationSite(team.siteId(), team.siteName(), "America/New_York", "us-generic"));
    }
}
