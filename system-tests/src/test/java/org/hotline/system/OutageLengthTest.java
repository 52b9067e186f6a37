package org.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outages of {@link StopsAndOutagesIT} prove something only if they outlast every time limit
 * the services still have: the producer's delivery timeout (after which a send fails and the
 * outbox relay must pause and try again), its request timeout, and the inbox's stuck-after (after
 * which readiness turns DOWN, which the PostgreSQL scenario requires). SmallRye's unprocessed-record
 * age limit, which used to fail a channel for good after 60 s, must stay switched off on every
 * incoming channel, since no outage in CI is that long. And an outage much longer than those
 * limits adds minutes to CI and proves nothing more: the short run's outage is at most 10 s longer
 * than the longest limit. If a limit changes, this test says which outage to change with it.
 */
class OutageLengthTest {

    private static final List<String> SERVICES = List.of("intake-service", "case-service", "stats-service");
    /** The inbox's default (InboxConfig.stuckAfter) where a service does not set its own. */
    private static final Duration STUCK_AFTER_DEFAULT = Duration.ofSeconds(15);
    private static final Duration SLACK = Duration.ofSeconds(10);

    private static Map<String, Properties> services;

    @BeforeAll
    static void readServiceConfigurations() throws IOException {
        services = new TreeMap<>();
        for (String service : SERVICES) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(
                    RepositoryRoot.locate().resolve(service).resolve("src/main/resources/application.properties"))) {
                properties.load(reader);
            }
            services.put(service, properties);
        }
    }

    @Test
    void theUnprocessedRecordAgeLimitIsOffOnEveryIncomingChannel() {
        services.forEach((service, properties) -> {
            List<String> channels = properties.stringPropertyNames().stream()
                    .filter(key -> key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.connector")).toList();
            assertThat(channels).as("incoming channels of %s", service).isNotEmpty();
            for (String connector : channels) {
                String limit = connector.replace(".connector", ".throttled.unprocessed-record-max-age.ms");
                assertThat(properties.getProperty(limit)).as("%s: %s", service, limit).isEqualTo("0");
            }
        });
    }

    @Test
    void theShortOutageOutlastsEveryTimeLimitTheServicesHaveAndLittleMore() {
        Map<String, Duration> limits = timeLimits();
        assertThat(limits).as("time limits found").isNotEmpty();
        Duration longest = limits.values().stream().max(Duration::compareTo).orElseThrow();

        assertThat(StopsAndOutagesIT.SHORT_OUTAGE).as("the CI outage against %s", limits).isGreaterThan(longest);
        assertThat(StopsAndOutagesIT.SHORT_OUTAGE).as("the CI outage against the longest of %s", limits)
                .isLessThanOrEqualTo(longest.plus(SLACK));
    }

    /** Every limit an outage must outlast, by service and property. */
    private static Map<String, Duration> timeLimits() {
        Map<String, Duration> limits = new TreeMap<>();
        services.forEach((service, properties) -> {
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("%")) {
                    continue; // a test or dev profile's value, not what runs
                }
                if (key.matches("mp\\.messaging\\.outgoing\\.[^.]+\\.(delivery|request)\\.timeout\\.ms")) {
                    limits.put(service + ": " + key, Duration.ofMillis(Long.parseLong(properties.getProperty(key).trim())));
                }
            }
            String stuckAfter = properties.getProperty("hotline.inbox.stuck-after");
            limits.put(service + ": hotline.inbox.stuck-after",
                    stuckAfter == null ? STUCK_AFTER_DEFAULT : Duration.parse("PT" + stuckAfter.trim().toUpperCase()));
        });
        return limits;
    }
}
