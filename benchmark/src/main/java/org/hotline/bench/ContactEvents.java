package org.hotline.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.hotline.events.CallerRole;
import org.hotline.events.CaseReference;
import org.hotline.events.Channel;
import org.hotline.events.CloudEventHeaders;
import org.hotline.events.ContactRecorded;
import org.hotline.events.EventJson;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;

/**
 * The contact events of a drain's backlog, as intake's relay would publish them: a
 * {@link ContactRecorded} in the one JSON form ({@link EventJson}), keyed by a caller key of
 * intake's shape (a random pseudonym, {@code p-} and 32 hex digits), each from a caller never seen before, one in
 * ten a surrender request with a reference intake could have issued (so case-service opens a
 * case), with the {@code type} header and the CloudEvents headers the relay sets.
 */
final class ContactEvents {

    /** The CloudEvents source intake's relay sets (outbox's {@code hotline.outbox.source}). */
    static final String SOURCE = "/hotline/intake-service";

    private final String run;
    private final SplittableRandom random;
    private long next;

    /** {@code run} keeps caller keys unique across backlogs on the same topic. */
    ContactEvents(String run, long seed) {
        this.run = run;
        this.random = new SplittableRandom(seed);
    }

    Event next() {
        long n = ++next;
        boolean surrender = n % ContactBodies.SURRENDER_EVERY == 0;
        ContactRecorded event = new ContactRecorded(UUID.randomUUID(), UUID.randomUUID(), callerKey(run + "-" + n),
                CallerRole.SERVICEMAN, Channel.PHONE, surrender ? Purpose.SURRENDER_REQUEST : Purpose.INFORMATION,
                n % 6 == 0 ? Origin.UA_OCCUPIED : Origin.RU, Instant.now(),
                surrender ? CaseReference.generate(random, CaseReference.Issuer.INTAKE) : null);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("type", event.typeName());
        headers.putAll(CloudEventHeaders.of(event, SOURCE));
        return new Event(event.partitionKey(), EventJson.write(event), headers, surrender);
    }

    /** One event as a Kafka record (or an outbox row) carries it. */
    record Event(String key, String json, Map<String, String> headers, boolean surrender) {
    }

    /** A pseudonym of intake's shape, made from the run and the caller's number so a backlog is repeatable. */
    private static String callerKey(String caller) {
        try {
            return "p-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(caller.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
