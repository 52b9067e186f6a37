package org.hotline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hotline.stack.Console;
import org.junit.jupiter.api.Test;

/**
 * {@code ./stack bench --smoke} end to end, on real processes. It asserts that the report is
 * written and holds every figure as a number, above 0 where the quantity cannot be 0 once anything
 * ran (a rate, a time, a size, a ratio of two of those); never how large a figure is, since
 * timings on a shared CI machine prove nothing.
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

    /**
     * Figures that may truly be 0: the JIT compilers may be done before a round, no other program
     * may run during the peak, an idle stack may use no CPU a sample can see.
     */
    private static final Set<String> MAY_BE_ZERO = Set.of("warmUp.jitCompilerShare", "cpuPerContact.jitCompilerMillis",
            "cpuPerContact.othersShare", "stack.idleMillisPerSecond");

    @Test
    void smokeRunWritesEveryFigureAsMarkdownAndJson() throws IOException {
        Path out = REPO.resolve("benchmark/target/smoke-" + UUID.randomUUID().toString().substring(0, 8));

        int exit = BenchCommand.run(REPO, List.of("--smoke", "--out", out.toString()), Console.silent());

        assertThat(exit).isZero();
        assertThat(out.resolve("report.md")).isRegularFile();
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        Map<String, Double> numbers = new TreeMap<>();
        report.path("figures").forEach(figure -> {
            if (figure.path("value").isNumber() && Double.isFinite(figure.path("value").asDouble())) {
                numbers.put(figure.path("key").asText(), figure.path("value").asDouble());
            }
        });
        assertThat(numbers).containsKeys(EVERY_FIGURE.toArray(String[]::new));
        List<String> impossible = new ArrayList<>();
        for (String key : EVERY_FIGURE) {
            double value = numbers.get(key);
            if (MAY_BE_ZERO.contains(key) ? value < 0 : value <= 0) {
                impossible.add(key + " = " + value);
            }
        }
        assertThat(impossible).as("figures 0 or below that cannot be (%s may be 0)", MAY_BE_ZERO).isEmpty();
        assertThat(Files.readString(out.resolve("report.md"))).contains("| intake peak ÷ pgbench rate |")
                .contains("## Drains and replay", "## Scale-out: one and two instances", "## Bulk import");
    }
}
