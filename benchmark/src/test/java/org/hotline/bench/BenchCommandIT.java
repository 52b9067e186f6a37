package org.hotline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hotline.stack.Console;
import org.junit.jupiter.api.Test;

/**
 * {@code ./stack bench --smoke} end to end, on real processes. It asserts that the report is
 * written and holds every figure as a number; never how large a figure is, since timings on a
 * shared CI machine prove nothing.
 */
class BenchCommandIT {

    private static final Path REPO = Path.of(System.getProperty("hotline.repo.root", "..")).toAbsolutePath().normalize();

    private static final List<String> EVERY_FIGURE = List.of(
            "startToReady.intake-service", "startToReady.case-service", "startToReady.stats-service",
            "load.peak.acceptedPerSecond", "load.peak.p99Millis", "load.peak.generatorCpu",
            "warmUp.seconds", "warmUp.jitCompilerShare", "cpuPerContact.jitCompilerMillis",
            "endToEnd.contactsPerSecond", "cpuPerContact.machineMillis", "cpuPerContact.stackMillis",
            "cpuPerContact.othersShare", "stack.idleMillisPerSecond", "latency.p99AtHalfPeakMillis",
            "freshness.statsP99Millis", "freshness.casesP99Millis",
            "rss.intake-service", "rss.case-service", "rss.stats-service",
            "event.contactBytes", "kafka.producerRecordsPerSecond", "kafka.consumerRecordsPerSecond",
            "pgbench.transactionsPerSecond", "pgbench.machineMillisPerTransaction", "pgbench.ownMillisPerTransaction",
            "pgbench.postgresMillisPerTransaction",
            "ratio.cpuPerContactMachine", "ratio.cpuPerContactOwn", "ratio.peakToPgbench",
            "drain.relay.eventsPerSecond", "ratio.relayDrainToTarget", "drain.cases.eventsPerSecond",
            "ratio.casesDrainToPgbench", "drain.stats.eventsPerSecond", "ratio.statsDrainToKafkaConsumer",
            "replay.eventsPerSecond", "ratio.replayToKafkaConsumer",
            "drain.casesTwoInstances.eventsPerSecond", "drain.statsTwoInstances.eventsPerSecond",
            "scaleOut.casesSpeedup", "scaleOut.statsSpeedup",
            "import.contactsPerSecond", "import.carriedPerSecond", "import.fullHistoryMinutes",
            "ratio.importToPgbench");

    @Test
    void smokeRunWritesEveryFigureAsMarkdownAndJson() throws IOException {
        Path out = REPO.resolve("benchmark/target/smoke-" + UUID.randomUUID().toString().substring(0, 8));

        int exit = BenchCommand.run(REPO, List.of("--smoke", "--out", out.toString()), Console.silent());

        assertThat(exit).isZero();
        assertThat(out.resolve("report.md")).isRegularFile();
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        List<String> numbers = new ArrayList<>();
        report.path("figures").forEach(figure -> {
            if (figure.path("value").isNumber() && Double.isFinite(figure.path("value").asDouble())) {
                numbers.add(figure.path("key").asText());
            }
        });
        assertThat(numbers).containsAll(EVERY_FIGURE);
        assertThat(Files.readString(out.resolve("report.md"))).contains("| intake peak ÷ pgbench rate |")
                .contains("## Drains and replay", "## Scale-out: one and two instances", "## Bulk import");
    }
}
