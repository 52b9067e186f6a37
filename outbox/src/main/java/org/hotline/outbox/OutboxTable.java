package org.hotline.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Every statement on the outbox's tables, in plain JDBC on the connection it is given: a row is
 * written once and deleted once, so the ORM's entity and flush machinery would only cost time (it
 * was the largest single cost of recording a contact). Each statement is prepared with constant
 * text, so the driver keeps it prepared on the server.
 */
final class OutboxTable {

    /** The first half of the two-part advisory lock keys: apart from other uses of advisory locks. */
    static final int KEY_LOCK_SPACE = 7273;

    /**
     * Locks every key of the rows (in one order, so two writers never deadlock on each other's
     * keys) and only then inserts them, in the order given: the locks are taken in the CTE, which
     * yields its one row only once all are held, so each row's id (its identity default) is drawn
     * after its key's lock. See {@link Outbox} for why.
     */
    private static final String INSERT = """
            with locked as materialized (
                select count(*) from (
                    select pg_advisory_xact_lock(%d, h)::text
                    from (select distinct hashtext(k) as h from unnest(?::text[]) k order by h) keys) held)
            insert into outbox_message (topic, message_key, event_type, payload, created_at, traceparent, tracestate)
            select m.topic, m.message_key, m.event_type, m.payload, ?, ?, ?
            from locked, unnest(?::text[], ?::text[], ?::text[], ?::text[])
                with ordinality as m(topic, message_key, event_type, payload, n)
            order by m.n""".formatted(KEY_LOCK_SPACE);

    private static final String OLDEST_FIRST = """
            select id, topic, message_key, event_type, payload, attempts, traceparent, tracestate
            from outbox_message order by id limit ?""";

    private static final String DELETE = "delete from outbox_message where id = any(?)";

    private static final String COUNT_REFUSAL = "update outbox_message set attempts = ?, last_error = ? where id = ?";

    private static final String PARK = """
            with moved as (delete from outbox_message where id = ? returning *)
            insert into outbox_parked (id, topic, message_key, event_type, payload, created_at, attempts, error,
                                       parked_at, traceparent, tracestate)
            select id, topic, message_key, event_type, payload, created_at, ?, ?, ?, traceparent, tracestate
            from moved""";

    /** Back into the outbox, at its end, in their old order, with a fresh count. No ids: all of them. */
    private static final String MOVE_BACK = """
            with moved as (delete from outbox_parked where cardinality(?::bigint[]) = 0 or id = any(?) returning *)
            insert into outbox_message (topic, message_key, event_type, payload, created_at, traceparent, tracestate)
            select topic, message_key, event_type, payload, created_at, traceparent, tracestate
            from moved order by id
            returning (select array_agg(id order by id) from moved)""";

    // The lowest id is the oldest event, and the primary key finds it without a scan.
    private static final String LAG = """
            select (select count(*) from outbox_message),
                   (select created_at from outbox_message order by id limit 1),
                   (select count(*) from outbox_parked)""";

    /** An event as it is written, before it has an id. */
    record NewMessage(String topic, String messageKey, String eventType, String payload) {
    }

    /** How far the relay is behind: the outbox's gauges. */
    record Lag(long pending, Instant oldest, long parked) {
    }

    private OutboxTable() {
    }

    static void insert(Connection connection, List<NewMessage> messages, Instant createdAt,
            TraceContext.Captured trace) throws SQLException {
        int size = messages.size();
        String[] topics = new String[size];
        String[] keys = new String[size];
        String[] types = new String[size];
        String[] payloads = new String[size];
        for (int i = 0; i < size; i++) {
            NewMessage message = messages.get(i);
            topics[i] = message.topic();
            keys[i] = message.messageKey();
            types[i] = message.eventType();
            payloads[i] = message.payload();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Array keyArray = connection.createArrayOf("text", keys);
            insert.setArray(1, keyArray);
            insert.setObject(2, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
            insert.setString(3, trace.traceparent());
            insert.setString(4, trace.tracestate());
            insert.setArray(5, connection.createArrayOf("text", topics));
            insert.setArray(6, keyArray);
            insert.setArray(7, connection.createArrayOf("text", types));
            insert.setArray(8, connection.createArrayOf("text", payloads));
            insert.executeUpdate();
        }
    }

    static List<OutboxMessage> oldestFirst(Connection connection, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(OLDEST_FIRST)) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                List<OutboxMessage> batch = new ArrayList<>();
                while (rows.next()) {
                    batch.add(new OutboxMessage(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getInt(6), rows.getString(7), rows.getString(8)));
                }
                return batch;
            }
        }
    }

    static void delete(Connection connection, Collection<Long> ids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            delete.executeUpdate();
        }
    }

    static void countRefusal(Connection connection, long id, int attempts, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(COUNT_REFUSAL)) {
            update.setInt(1, attempts);
            update.setString(2, error);
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    /** Moves the message to {@code outbox_parked}, in one statement: it is in exactly one of the two tables. */
    static void park(Connection connection, long id, int attempts, String error, Instant parkedAt) throws SQLException {
        try (PreparedStatement park = connection.prepareStatement(PARK)) {
            park.setLong(1, id);
            park.setInt(2, attempts);
            park.setString(3, error);
            park.setObject(4, OffsetDateTime.ofInstant(parkedAt, ZoneOffset.UTC));
            park.executeUpdate();
        }
    }

    /** @return the parked ids moved back (all of them if {@code ids} is empty) */
    static List<Long> moveBack(Connection connection, Collection<Long> ids) throws SQLException {
        try (PreparedStatement move = connection.prepareStatement(MOVE_BACK)) {
            Array chosen = connection.createArrayOf("bigint", ids.toArray());
            move.setArray(1, chosen);
            move.setArray(2, chosen);
            try (ResultSet rows = move.executeQuery()) {
                if (!rows.next()) {
                    return List.of();
                }
                List<Long> moved = new ArrayList<>();
                for (Object id : (Object[]) rows.getArray(1).getArray()) {
                    moved.add(((Number) id).longValue());
                }
                return moved;
            }
        }
    }

    static Lag lag(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LAG);
                ResultSet row = select.executeQuery()) {
            row.next();
            OffsetDateTime oldest = row.getObject(2, OffsetDateTime.class);
            return new Lag(row.getLong(1), oldest == null ? null : oldest.toInstant(), row.getLong(3));
        }
    }
}
