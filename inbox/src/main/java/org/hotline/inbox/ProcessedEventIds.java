package org.hotline.inbox;

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
 * Records applied event ids in a service's {@code processed_event (event_id, processed_at)}, in the
 * transaction of their effect and in one statement: the lookup and the insert of the new ids are
 * the same {@code on conflict do nothing}. A second delivery running at the same time waits for the
 * first to commit, then sees its rows.
 */
public final class ProcessedEventIds {

    private ProcessedEventIds() {
    }

    /**
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
            // Sorted: two instances given the same events after a rebalance take their rows in one order.
            insert.setArray(2, connection.createArrayOf("uuid", eventIds.stream().distinct().sorted().toArray()));
            Set<UUID> recorded = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    recorded.add(rows.getObject(1, UUID.class));
                }
            }
            return recorded;
        }
    }
}
