package org.hotline.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

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
    private final DataSource dataSource;

    public ParkedMessages(OutboxRelay relay, DataSource dataSource) {
        this.relay = relay;
        this.dataSource = dataSource;
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
        try (Connection connection = dataSource.getConnection()) {
            return OutboxTable.moveBack(connection, ids);
        } catch (SQLException e) {
            throw new IllegalStateException("parked messages could not be moved back: " + e.getMessage(), e);
        }
    }
}
