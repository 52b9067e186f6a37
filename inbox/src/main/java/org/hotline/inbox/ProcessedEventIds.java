package org.hotline.inbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The statements that record applied event ids in a service's {@code processed_event}, in the
 * transaction of their effect and in one statement each: the lookup and the insert of the new ids
 * are the same {@code on conflict do nothing}. A second delivery running at the same time waits
 * for the first to commit, then sees its rows. {@link ProcessedEvents} runs them in a service.
 */
public final class ProcessedEventIds {

    private ProcessedEventIds() {
    }

    /**
     * Records in {@code processed_event (event_id, processed_at)}.
     *
     * @return the ids recorded now, to apply; those recorded before (and the repeats within
     *         {@code eventIds}) are left out
     */
    public static Set<UUID> recordFirstTime(Connection connection, Collection<UUID> eventIds, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into processed_event (event_id, processed_at)
                select id, cast(? as timestamptz) from unnest(?) as id
                on conflict (event_id) do nothing
                returning event_id""")) {
            insert.setString(1, now.toString());
            insert.setArray(2, sortedIds(connection, eventIds));
            return recorded(insert);
        }
    }

    /**
     * Records in {@code processed_event (generation, event_id, processed_at)}, the table of a store
     * kept in generations (stats-service): an event recorded in one generation is new to another.
     */
    public static Set<UUID> recordFirstTime(Connection connection, int generation, Collection<UUID> eventIds,
            Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into processed_event (generation, event_id, processed_at)
                select ?, id, cast(? as timestamptz) from unnest(?) as id
                on conflict (generation, event_id) do nothing
                returning event_id""")) {
            insert.setInt(1, generation);
            insert.setString(2, now.toString());
            insert.setArray(3, sortedIds(connection, eventIds));
            return recorded(insert);
        }
    }

    /** Sorted: two instances given the same events after a rebalance take their rows in one order. */
    private static Array sortedIds(Connection connection, Collection<UUID> eventIds) throws SQLException {
        return connection.createArrayOf("uuid", eventIds.stream().distinct().sorted().toArray());
    }

    private static Set<UUID> recorded(PreparedStatement insert) throws SQLException {
        Set<UUID> recorded = new HashSet<>();
        try (ResultSet rows = insert.executeQuery()) {
            while (rows.next()) {
                recorded.add(rows.getObject(1, UUID.class));
            }
        }
        return recorded;
    }
}
