package org.hotline.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.awaitility.Awaitility;
import org.hotline.events.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher's lifecycle on real processes: PostgreSQL and Kafka only (the services are the
 * system tests' business), each test on free ports in a stack folder of its own that sits inside
 * a mode-700 folder, as a clone in root's home or in {@code mktemp -d} does.
 */
class LocalStackIT {

    private static final Path REPO = Path.of(System.getProperty("hotline.repo.root", "..")).toAbsolutePath().normalize();

    private LocalStack stack;

    @BeforeEach
    void newStack() throws IOException {
        Path privateFolder = REPO.resolve("local-stack/target/private-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(privateFolder);
        Files.setPosixFilePermissions(privateFolder, PosixFilePermissions.fromString("rwx------"));
        stack = new LocalStack(LocalStack.Settings.forTests(REPO, privateFolder.resolve(".stack"))
                .withoutIdentityProvider());
    }

    @AfterEach
    void removeStack() {
        stack.clean(Console.silent());
    }

    @Test
    void upThenDownTwiceLeavesNothingListeningOnTheStacksPorts() {
        for (int round = 1; round <= 2; round++) {
            stack.up(true, Console.silent());
            assertThat(states()).containsEntry("postgres", LocalStack.PartStatus.State.RUNNING)
                    .containsEntry("kafka", LocalStack.PartStatus.State.RUNNING)
                    .containsEntry("intake-service", LocalStack.PartStatus.State.STOPPED);

            assertThat(stack.down(Console.silent())).as("round %d stopped cleanly", round).isTrue();
            assertThat(states().values()).as("round %d", round).containsOnly(LocalStack.PartStatus.State.STOPPED);
            stack.settings().ports().byVariable().values()
                    .forEach(port -> assertThat(PortOwner.isTaken(port)).as("port %d after down", port).isFalse());
        }
    }

    @Test
    void upStartsACrashedPartAgainAndLeavesTheHealthyOneAlone() {
        stack.up(true, Console.silent());
        long postgresPid = stack.postgres().postmaster().orElseThrow().pid();

        stack.kafka().kill();
        assertThat(states()).containsEntry("kafka", LocalStack.PartStatus.State.CRASHED);

        stack.up(true, Console.silent());
        assertThat(states()).containsEntry("kafka", LocalStack.PartStatus.State.RUNNING);
        assertThat(stack.postgres().postmaster().orElseThrow().pid()).isEqualTo(postgresPid);
    }

    @Test
    void aPortHeldByAnotherProgramIsRefusedNamingThatProgramsPidAndTheWayOut() throws IOException {
        int kafkaPort = stack.settings().ports().kafka();
        try (ServerSocket foreign = new ServerSocket(kafkaPort, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> stack.up(true, Console.silent()))
                    .isInstanceOf(StackFailure.class)
                    .hasMessageContaining("port " + kafkaPort)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("HOTLINE_KAFKA_PORT=");
        }
        assertThat(stack.kafka().isRunning()).isFalse();
    }

    @Test
    void topicsAreCreatedAsTopicsDefinesThemAndAnExistingTopicIsBroughtBackToItsConfiguration() throws Exception {
        stack.up(true, Console.silent());
        try (Admin admin = stack.kafka().admin()) {
            ConfigResource contacts = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CONTACTS);
            admin.incrementalAlterConfigs(Map.of(contacts, List.of(new AlterConfigOp(
                    new ConfigEntry("retention.ms", "604800000"), AlterConfigOp.OpType.SET)))).all().get();
            // The broker applies a config change through its metadata log: wait until it shows.
            Awaitility.await("seven-day retention visible").atMost(Duration.ofSeconds(30)).until(() ->
                    "604800000".equals(admin.describeConfigs(List.of(contacts)).all().get().get(contacts)
                            .get("retention.ms").value()));

            assertThat(TopicSetup.apply(admin, Topics.Replication.SINGLE_BROKER)).filteredOn(o -> o.topic().equals(Topics.CONTACTS))
                    .singleElement().satisfies(o -> assertThat(o.what()).contains("set retention.ms=-1"));

            for (Topics.Definition topic : Topics.definitions()) {
                assertThat(admin.describeTopics(List.of(topic.name())).allTopicNames().get().get(topic.name())
                        .partitions()).as("partitions of %s", topic.name()).hasSize(topic.partitions());
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
                Config actual = admin.describeConfigs(List.of(resource)).all().get().get(resource);
                topic.config().forEach((key, value) ->
                        assertThat(actual.get(key).value()).as("%s of %s", key, topic.name()).isEqualTo(value));
            }
        }
    }

    private Map<String, LocalStack.PartStatus.State> states() {
        return stack.status().stream().collect(java.util.stream.Collectors.toMap(
                LocalStack.PartStatus::part, LocalStack.PartStatus::state));
    }
}
