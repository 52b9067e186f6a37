package org.hotline.intake;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The one test profile of intake-service: every setting a test class needs changed, together.
 * Each profile is one more start of the application in the test JVM (10 to 20 s on the CI
 * machine), and each of these settings is harmless to the other classes that share it:
 * <ul>
 * <li>tracing on, spans to the in-memory exporter: tracing.ContactTraceTest;</li>
 * <li>a Kafka sink with room for six records (four unacknowledged, two buffered), smaller than
 *     a relay batch: outbox.OutboxBatchBeyondSinkRoomTest (the relay waits for room, so the
 *     others' events still go out, only in smaller steps);</li>
 * <li>two audited refusals at once per source and none back within a test, the source taken
 *     from {@code X-Forwarded-For}: audit.RefusalAuditRateTest (the other classes send no
 *     refused request).</li>
 * </ul>
 */
public class OwnSettingsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.otel.sdk.disabled", "false",
                "mp.messaging.outgoing.outbox.max-inflight-messages", "4",
                "mp.messaging.emitter.default-buffer-size", "2",
                "hotline.audit.refusals.burst", "2",
                "hotline.audit.refusals.refill-every", "PT1H",
                // Written when the test asks, not on a schedule in between.
                "hotline.audit.refusals.summary-every", "PT1H",
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true");
    }
}
