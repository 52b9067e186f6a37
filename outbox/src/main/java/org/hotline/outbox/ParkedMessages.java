package org.hotline.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The messages the relay set aside, for an operator: listed, and sent again once the cause is fixed. */
@ApplicationScoped
public class ParkedMessages {

    /** What an operator sees of a parked message: everything but the payload, which may hold personal data. */
    public record Parked(long id, String topic, String key, String eventType, Instant createdAt, int attempts,
                         String error, Instant parkedAt, int payloadLength) {

        static Parked of(ParkedMessage message) {
            return new Parked(message.id, message.topic, message.messageKey, message.eventType, message.createdAt,
                    message.attempts, message.error, message.parkedAt, message.payload.length());
        }
    }

    private final OutboxRelay relay;

    public ParkedMessages(OutboxRelay relay) {
        this.relay = relay;
    }

    @Transactional
    public List<Parked> list() {
        return ParkedMessage.<ParkedMessage>listAll(Sort.by("id")).stream()
                .map(Parked::of).toList();
    }

    /**
     * Moves the chosen parked messages (all if {@code ids} is empty) back to the end of the outbox
     * with a fresh attempt count; the relay sends them at once. Returns the ids moved.
     */
    public List<Long> resend(Set<Long> ids) {
        List<Long> moved = moveBack(ids);
        relay.wake();
        return moved;
    }

    @Transactional
    List<Long> moveBack(Set<Long> ids) {
        List<ParkedMessage> chosen = ids.isEmpty()
                ? ParkedMessage.<ParkedMessage>listAll(Sort.by("id"))
                : ParkedMessage.<ParkedMessage>list("id in ?1 order by id", ids);
        for (ParkedMessage parked : chosen) {
            parked.toOutbox().persist();
            parked.delete();
        }
        return chosen.stream().map(parked -> parked.id).toList();
    }
}
