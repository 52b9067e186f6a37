package org.hotline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The dashboard loads in the provisioned Grafana: valid JSON, and every query on the provisioned data source. */
class GrafanaDashboardTest {

    private static final Path GRAFANA = Path.of("observability", "grafana");

    @Test
    void everyQueryUsesTheProvisionedPrometheus() throws IOException {
        String provisioned = new ObjectMapper(new YAMLFactory())
                .readTree(GRAFANA.resolve("provisioning/datasources/prometheus.yml").toFile())
                .path("datasources").get(0).path("uid").asText();
        JsonNode dashboard = new ObjectMapper().readTree(GRAFANA.resolve("dashboards/hotline.json").toFile());
        List<JsonNode> queries = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(queries::add));

        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(queries).isNotEmpty().allSatisfy(query -> {
            assertThat(query.path("datasource").path("uid").asText()).isEqualTo(provisioned);
            assertThat(query.path("expr").asText()).isNotBlank();
        });
    }

    @Test
    void theOperationalSignalsOfTheAlertsAreOnTheDashboard() throws IOException {
        String dashboard = new ObjectMapper().readTree(GRAFANA.resolve("dashboards/hotline.json").toFile()).toString();

        assertThat(dashboard).contains("hotline_outbox_oldest_age_seconds", "kafka_consumer_fetch_manager_records_lag",
                "hotline_dead_letters_total", "hotline_custody_overdue", "hotline_contacts_accepted_total",
                "hotline_cases", "hotline_case_transitions_total", "hotline_personal_data_reads_total",
                "hotline_stats_rebuild_records_read");
    }
}
