package org.haven.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;

class ObservabilityTest {

    private static final Path DASHBOARD = Path.of("observability/grafana/haven-critical-chain.json");

    /** The critical chain, end to end: alerts, acknowledgement, debrief deadlines, outbox, consumer lag, dead letters. */
    private static final List<String> CHAIN_METRICS = List.of(
            "haven_alerts_raised_total", "haven_alert_ack_seconds_bucket",
            "haven_debrief_deadline_met_total", "haven_debrief_overdue_total",
            "haven_outbox_lag_seconds", "haven_outbox_published_total",
            "kafka_consumergroup_lag", "kafka_topic_partition_current_offset");

    private static final Pattern HAVEN_METRIC = Pattern.compile("\\b(haven_[a-z_]+?)(?:_bucket|_count|_sum)?\\b");

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void prometheusScrapesEveryServicesMetricsEndpoint(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        ServiceMonitor monitor = overlay.single(ServiceMonitor.class);

        assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.getPath()).isEqualTo("/q/metrics");
            for (String serviceName : Repository.SERVICES) {
                Service service = overlay.one(Service.class, serviceName);
                assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
                assertThat(service.getSpec().getPorts()).anySatisfy(port -> assertThat(port.getName()).isEqualTo(endpoint.getPort()));
            }
        });
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void kafkaExporterAndPostgresAreScrapedToo(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        Kafka kafka = overlay.single(Kafka.class);

        assertThat(kafka.getSpec().getKafkaExporter()).as("consumer lag and dead-letter offsets come from the Kafka exporter").isNotNull();
        assertThat(overlay.all(PodMonitor.class)).anySatisfy(monitor -> assertThat(monitor.getSpec().getSelector().getMatchLabels())
                .containsEntry("strimzi.io/cluster", kafka.getMetadata().getName()));
        assertThat(overlay.all(PodMonitor.class)).anySatisfy(monitor -> assertThat(monitor.getSpec().getSelector().getMatchLabels())
                .containsEntry("cnpg.io/cluster", Maps.string(overlay.singleCustom("Cluster"), "metadata.name")));
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void theDashboardShipsInEveryOverlayForGrafanasSidecar(String name) {
        ConfigMap dashboards = Overlays.get(name).one(ConfigMap.class, "haven-grafana-dashboards");

        assertThat(dashboards.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboards.getData()).containsEntry("haven-critical-chain.json",
                Repository.read(Repository.module().resolve(DASHBOARD)));
    }

    @Test
    void theDashboardChartsTheWholeCriticalChain() throws IOException {
        JsonNode dashboard = dashboard();
        List<String> expressions = expressions(dashboard);

        assertThat(dashboard.path("uid").asText()).isEqualTo("haven-critical-chain");
        for (JsonNode panel : dashboard.path("panels")) {
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
                panel.path("targets").forEach(target -> assertThat(target.path("expr").asText()).isNotBlank());
                assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            }
        }
        CHAIN_METRICS.forEach(metric -> assertThat(expressions).as(metric).anySatisfy(expr -> assertThat(expr).contains(metric)));
        assertThat(expressions).anySatisfy(expr -> assertThat(expr).contains("\\\\.dlq"));
    }

    @Test
    void theReadmeSaysWhichDashboardMetricsExistAndWhichServicesStillHaveToEmit() throws IOException {
        String readme = Repository.read(Repository.deploy().resolve("README.md"));
        Set<String> metrics = new TreeSet<>();
        for (String expression : expressions(dashboard())) {
            Matcher matcher = HAVEN_METRIC.matcher(expression);
            while (matcher.find()) {
                metrics.add(matcher.group(1));
            }
        }
        assertThat(metrics).isNotEmpty().allSatisfy(metric -> assertThat(readme).contains(metric));
    }

    private static JsonNode dashboard() throws IOException {
        return new ObjectMapper().readTree(Repository.module().resolve(DASHBOARD).toFile());
    }

    private static List<String> expressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText())));
        return expressions;
    }
}
