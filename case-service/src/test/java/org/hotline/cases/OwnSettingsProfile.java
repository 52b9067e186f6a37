package org.hotline.cases;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The one test profile of case-service: every setting a test class needs changed, together.
 * Each profile is one more start of the application in the test JVM (10 to 20 s on the CI
 * machine), and each of these settings is harmless to the other classes that share it:
 * <ul>
 * <li>tracing on, spans to the in-memory exporter ({@link InMemorySpans}): ContactTraceTest;</li>
 * <li>every log line also written as JSON to {@link #LOG}: CaseLogTest;</li>
 * <li>intake unreachable (nothing listens on port 1), so a personal-data read answers 503:
 *     IntakeDownTest, and CaseLogTest, which scans what such a read logs;</li>
 * <li>three unknown references an hour for each user, and a clock the test moves on:
 *     ReferenceLookupThrottleTest (its users are its own; a clock ahead harms no other test,
 *     whose contacts then only lie further in the past).</li>
 * </ul>
 */
public class OwnSettingsProfile implements QuarkusTestProfile {

    static final Path LOG = Path.of("target", "case-log-test.json");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.log.file.enabled", "true",
                "quarkus.log.file.path", LOG.toString(),
                "quarkus.log.file.json.enabled", "true",
                "quarkus.rest-client.intake-service.url", "http://127.0.0.1:1",
                "hotline.cases.reference-lookups.burst", "3",
                "hotline.cases.reference-lookups.refill-every", "1h");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ReferenceLookupThrottleTest.MovableClock.class);
    }
}
