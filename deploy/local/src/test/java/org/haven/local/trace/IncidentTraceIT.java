package org.haven.local.trace;

import org.haven.local.ClientCodes;
import org.haven.local.DemoTokens;
import org.haven.local.HavenPlatform;
import org.haven.local.PlatformExtension;
import org.haven.local.ServiceSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * OpenTelemetry trace context crosses Kafka: one elopement, reported over HTTP, shows as one trace from the request
 * into incident-service through the consumers of its event in debrief-, notification- and wellness-service.
 *
 * <p>The platform's services run with tracing on and their ordinary OTLP exporter pointed at an in-test OTLP/HTTP
 * receiver. The request carries a W3C {@code traceparent}, as an ingress controller with tracing sends it, so the
 * test knows which trace is the incident's.
 */
@ExtendWith(PlatformExtension.class)
class IncidentTraceIT {

    private static final List<String> CONSUMERS = List.of("debrief-service", "notification-service", "wellness-service");
    private static OtlpTraceReceiver receiver;

    @BeforeAll
    static void exportTracesToTheReceiver() throws Exception {
        receiver = OtlpTraceReceiver.start();
        // Kept until the test JVM ends: the platform's services export to it for as long as they run.
        Runtime.getRuntime().addShutdownHook(new Thread(receiver::close, "otlp-trace-receiver-stop"));
        Map<String, String> tracing = Map.of(
                "OTEL_SDK_DISABLED", "false",
                "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                "QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
        HavenPlatform platform = PlatformExtension.platform();
        for (ServiceSpec service : platform.services()) {
            platform.stopService(service);
            platform.startService(service, tracing);
        }
        for (ServiceSpec service : platform.services()) {
            platform.awaitReady(service);
        }
    }

    @Test
    void everyServiceConsumingTheIncidentContinuesTheTraceOfItsReport() {
        Report report = reportElopement();

        await("the incident's spans from all four services").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    List<ReceivedSpan> trace = receiver.trace(report.traceId());
                    assertThat(requestSpan(trace, report.callerSpanId()).service()).isEqualTo("incident-service");
                    assertThat(producerSpans(trace, "incident-service", "incident.events")).as("the relay's send").isNotEmpty();
                    for (String consumer : CONSUMERS) {
                        assertThat(consumerSpans(trace, consumer, "incident.events"))
                                .as(consumer + " consuming incident.events in trace " + report.traceId() + "; all spans: " + receiver.spans())
                                .isNotEmpty();
                    }
                });

        List<ReceivedSpan> trace = receiver.trace(report.traceId());
        // The outbox stored the request's context with the event; the relay's send is that span's child (so the
        // time the event waited in the outbox shows), and each consumer's span is the send's child.
        ReceivedSpan request = requestSpan(trace, report.callerSpanId());
        List<ReceivedSpan> publishes = producerSpans(trace, "incident-service", "incident.events");
        assertThat(publishes).as("the relay's publish span; trace: " + trace).isNotEmpty()
                .allSatisfy(span -> assertThat(span.parentSpanId()).isEqualTo(request.spanId()));
        List<String> publishIds = publishes.stream().map(ReceivedSpan::spanId).toList();
        for (String consumer : CONSUMERS) {
            assertThat(consumerSpans(trace, consumer, "incident.events")).as(consumer + "; trace: " + trace)
                    .allSatisfy(span -> assertThat(publishIds).contains(span.parentSpanId()));
        }
        print(report, trace);
    }

    @Test
    void eventsTheConsumersPublishInTurnStayInTheIncidentsTrace() {
        Report report = reportElopement();

        // debrief-service schedules the debrief and wellness-service opens follow-ups; both publish through their
        // outbox while handling the incident's event, and notification-service consumes those events.
        await("notification-service consuming debrief.events and wellness.events in the incident's trace")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    List<ReceivedSpan> trace = receiver.trace(report.traceId());
                    assertThat(consumerSpans(trace, "notification-service", "debrief.events"))
                            .as("debrief.events consumed in trace " + report.traceId() + "; all spans: " + receiver.spans()).isNotEmpty();
                    assertThat(consumerSpans(trace, "notification-service", "wellness.events"))
                            .as("wellness.events consumed in trace " + report.traceId() + "; all spans: " + receiver.spans()).isNotEmpty();
                    // Each service exports its spans on its own schedule: the publisher's span may arrive after its consumer's.
                    assertThat(consumerSpans(trace, "notification-service", "debrief.events")).as("trace: " + trace)
                            .allSatisfy(span -> assertThat(spanIds(trace, "debrief-service")).contains(span.parentSpanId()));
                    assertThat(consumerSpans(trace, "notification-service", "wellness.events")).as("trace: " + trace)
                            .allSatisfy(span -> assertThat(spanIds(trace, "wellness-service")).contains(span.parentSpanId()));
                });

        print(report, receiver.trace(report.traceId()));
    }

    private record Report(String incidentId, String traceId, String callerSpanId) {
    }

    /** Reports an elopement as staff-ana, from a caller that starts a trace (as a tracing ingress would). */
    private static Report reportElopement() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpanId = HexFormat.of().formatHex(randomBytes(8));
        String incidentId = given().auth().oauth2(DemoTokens.of("staff-ana"))
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .contentType("application/json").body(elopement(UUID.randomUUID().toString().substring(0, 8)))
                .when().post(PlatformExtension.platform().service("incident-service").baseUrl() + "/api/incidents")
                .then().statusCode(201).extract().path("id");
        assertThat(incidentId).isNotBlank();
        return new Report(incidentId, traceId, callerSpanId);
    }

    private static List<ReceivedSpan> consumerSpans(List<ReceivedSpan> trace, String service, String topic) {
        return messagingSpans(trace, service, "CONSUMER", topic);
    }

    private static List<ReceivedSpan> producerSpans(List<ReceivedSpan> trace, String service, String topic) {
        return messagingSpans(trace, service, "PRODUCER", topic);
    }

    private static List<ReceivedSpan> messagingSpans(List<ReceivedSpan> trace, String service, String kind, String topic) {
        return trace.stream().filter(span -> span.service().equals(service) && span.kind().equals(kind)
                && topic.equals(span.attributes().get("messaging.destination.name"))).toList();
    }

    private static List<String> spanIds(List<ReceivedSpan> trace, String service) {
        return trace.stream().filter(span -> span.service().equals(service)).map(ReceivedSpan::spanId).toList();
    }

    private static void print(Report report, List<ReceivedSpan> trace) {
        System.out.printf("%nTrace %s of incident %s:%n  %s%n", report.traceId(), report.incidentId(),
                String.join("\n  ", trace.stream().map(ReceivedSpan::toString).toList()));
    }

    /** incident-service's HTTP server span for the report, the child of the caller's span. */
    private static ReceivedSpan requestSpan(List<ReceivedSpan> trace, String callerSpanId) {
        return trace.stream().filter(span -> span.kind().equals("SERVER") && span.parentSpanId().equals(callerSpanId))
                .findFirst().orElseThrow(() -> new AssertionError("no SERVER span continuing the caller's span " + callerSpanId
                        + " in " + trace));
    }

    private static String elopement(String tag) {
        Instant occurred = PlatformExtension.now().minus(5, ChronoUnit.MINUTES);
        return """
                {"siteId":"site-north","type":"ELOPEMENT","severity":"HIGH","occurredAt":"%1$s",
                 "summary":"Client left during the evening walk and did not come back",
                 "lastSeen":{"at":"%1$s","place":"Corner of the park","clothing":"Red coat"},
                 "involvedStaffIds":["staff-ana"],"witnessIds":[],"clientCodes":["%2$s"]}"""
                .formatted(occurred, ClientCodes.of(tag));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
