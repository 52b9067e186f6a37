package org.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Static checks of docker-compose.kafka-cluster.yml, the three-broker Kafka: a broker missing from
 * the controller quorum, two broker ids alike or a service still pointed at one broker all compose
 * fine and only fail (or silently lose the replication) when someone runs it. SnakeYAML reads the
 * file because it resolves the YAML merge keys the file is built from.
 */
class KafkaClusterComposeTest {

    private static final List<String> BROKERS = List.of("kafka", "kafka-2", "kafka-3");

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readOverride() throws IOException {
        try (Reader reader = Files.newBufferedReader(RepositoryRoot.locate().resolve("docker-compose.kafka-cluster.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void threeBrokersFormOneQuorumWithDistinctIdsAndOneClusterId() {
        String voters = BROKERS.stream()
                .map(broker -> environment(broker).get("KAFKA_NODE_ID") + "@" + broker + ":9093")
                .collect(Collectors.joining(","));

        assertThat(BROKERS).allSatisfy(broker -> {
            assertThat(environment(broker).get("KAFKA_CONTROLLER_QUORUM_VOTERS")).as(broker).isEqualTo(voters);
            assertThat(environment(broker).get("CLUSTER_ID")).as(broker).isEqualTo(environment("kafka").get("CLUSTER_ID"));
            assertThat(environment(broker).get("KAFKA_ADVERTISED_LISTENERS")).as(broker).contains("INTERNAL://" + broker + ":19092");
        });
        assertThat(BROKERS.stream().map(broker -> environment(broker).get("KAFKA_NODE_ID")).distinct()).hasSize(3);
    }

    @Test
    void kafkasOwnTopicsAreReplicatedLikeTheHotlines() {
        Topics.Replication replicated = Topics.Replication.REPLICATED;
        assertThat(BROKERS).allSatisfy(broker -> assertThat(environment(broker))
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", Short.toString(replicated.factor()))
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", Short.toString(replicated.factor()))
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", Integer.toString(replicated.minInSyncReplicas()))
                .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", Integer.toString(replicated.minInSyncReplicas())));
        assertThat(replicated.factor()).as("one copy per broker").isEqualTo((short) BROKERS.size());
    }

    @Test
    void theTopicsAreCreatedReplicatedAndEveryServiceKnowsEveryBroker() {
        assertThat(environment("kafka-topics")).containsEntry("HOTLINE_TOPIC_REPLICATION", "replicated");
        String bootstrap = BROKERS.stream().map(broker -> broker + ":19092").collect(Collectors.joining(","));
        assertThat(List.of("intake-service", "case-service", "stats-service")).allSatisfy(service ->
                assertThat(environment(service)).as(service).containsEntry("KAFKA_BOOTSTRAP_SERVERS", bootstrap));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String service) {
        assertThat(services).as("services of docker-compose.kafka-cluster.yml").containsKey(service);
        Map<String, Object> environment = (Map<String, Object>) services.get(service).get("environment");
        assertThat(environment).as("environment of %s", service).isNotNull();
        return environment.entrySet().stream()
                .filter(e -> !e.getKey().equals("<<"))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }
}
