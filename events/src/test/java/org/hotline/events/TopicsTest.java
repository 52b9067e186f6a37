package org.hotline.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TopicsTest {

    /** What the stats rebuild needs of its source topics: nothing is ever deleted by age or size. */
    private static final Map<String, String> KEPT_FOREVER = Map.of("retention.ms", "-1", "retention.bytes", "-1");

    @Test
    void theContactCaseAndErasureTopicsAreKeptForever() {
        assertThat(Topics.definitions())
                .filteredOn(topic -> List.of(Topics.CONTACTS, Topics.CASES, Topics.ERASURES).contains(topic.name()))
                .hasSize(3)
                .allSatisfy(topic -> assertThat(topic.config()).as("config of %s", topic.name())
                        .containsAllEntriesOf(KEPT_FOREVER)
                        .doesNotContainEntry("cleanup.policy", "compact"));
    }

    @Test
    void everyTopicIsDefinedOnceWithPartitions() {
        assertThat(Topics.all())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(Topics.CONTACTS, Topics.CASES, Topics.ERASURES, Topics.CASE_SERVICE_DEAD_LETTERS,
                        Topics.STATS_SERVICE_DEAD_LETTERS, Topics.INTAKE_SERVICE_DEAD_LETTERS);
        assertThat(Topics.definitions()).allSatisfy(topic -> assertThat(topic.partitions()).isPositive());
    }

    @Test
    void mainPrintsTheKafkaTopicsArgumentsOfEachTopicOnItsOwnLine() {
        List<String> lines = printedByMain();

        assertThat(lines).hasSameSizeAs(Topics.definitions());
        assertThat(lines.get(0)).isEqualTo("--topic hotline.contacts.v1 --partitions 6 --replication-factor 1"
                + " --config cleanup.policy=delete --config min.insync.replicas=1"
                + " --config retention.bytes=-1 --config retention.ms=-1");
        for (int i = 0; i < lines.size(); i++) {
            Topics.Definition topic = Topics.definitions().get(i);
            String line = lines.get(i);
            assertThat(line).startsWith("--topic " + topic.name() + " --partitions " + topic.partitions() + " ");
            topic.config().forEach((key, value) -> assertThat(line).contains(" --config " + key + "=" + value));
        }
    }

    @Test
    void replicatedArgumentsKeepThreeCopiesAndRefuseWritesThatOnlyOneBrokerHas() {
        List<String> lines = Topics.createArguments(Topics.Replication.REPLICATED);

        assertThat(lines).hasSameSizeAs(Topics.definitions()).allSatisfy(line -> assertThat(line)
                .contains(" --replication-factor 3 ")
                .contains(" --config min.insync.replicas=2")
                .contains(" --config retention.ms=-1"));
    }

    /** The compose container splits each line into arguments at spaces, so no value may hold one. */
    @Test
    void noNameOrConfigurationValueContainsWhitespace() {
        assertThat(Topics.definitions()).allSatisfy(topic -> {
            assertThat(topic.name()).doesNotContainAnyWhitespaces();
            topic.config().forEach((key, value) -> {
                assertThat(key).doesNotContainAnyWhitespaces();
                assertThat(value).doesNotContainAnyWhitespaces();
            });
        });
    }

    private static List<String> printedByMain() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Topics.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
