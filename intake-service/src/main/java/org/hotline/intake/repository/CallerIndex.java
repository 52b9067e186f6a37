package org.hotline.intake.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The rows of {@code caller_index}: blind index to pseudonym. Plain JDBC, one or two statements for
 * a whole bulk import's chunk: this runs for every contact.
 */
@ApplicationScoped
public class CallerIndex {

    /**
     * Share-locked until the contact's transaction commits, so an erasure of that pseudonym (which
     * deletes the row) waits for the contact and then erases it too, rather than leaving a new
     * contact under a pseudonym nothing indexes any more.
     */
    private static final String LOCK = """
            select blind_index, caller_key from caller_index where blind_index = any(?) for share""";

    /**
     * A first contact of two callers at once: the second insert waits for the first to commit and
     * then does nothing, and {@link #lock} reads the pseudonym that won.
     */
    private static final String INSERT_IF_NONE = """
            insert into caller_index (blind_index, caller_key, created_at)
            select blind_index, caller_key, ? from unnest(?::text[], ?::text[]) as i(blind_index, caller_key)
            order by blind_index
            on conflict (blind_index) do nothing
            returning blind_index""";

    private static final String DELETE_OF = "delete from caller_index where caller_key = any(?)";

    private final DataSource dataSource;

    public CallerIndex(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The pseudonyms these blind indexes lead to (those that have one), share-locked in the caller's transaction. */
    public Map<String, String> lock(Collection<String> blindIndexes) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setArray(1, connection.createArrayOf("text", blindIndexes.toArray()));
            Map<String, String> pseudonyms = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pseudonyms.put(rows.getString(1), rows.getString(2));
                }
            }
            return pseudonyms;
        } catch (SQLException e) {
            throw new IllegalStateException("the caller index could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Stores new entries in the caller's transaction; a blind index that has an entry by now keeps it.
     *
     * @return how many of {@code entries} (blind index to pseudonym) were stored
     */
    public int insertIfNone(Map<String, String> entries, Instant now) {
        if (entries.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_IF_NONE)) {
            String[] indexes = entries.keySet().toArray(String[]::new);
            String[] pseudonyms = new String[indexes.length];
            for (int i = 0; i < indexes.length; i++) {
                pseudonyms[i] = entries.get(indexes[i]);
            }
            insert.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.setArray(2, connection.createArrayOf("text", indexes));
            insert.setArray(3, connection.createArrayOf("text", pseudonyms));
            int stored = 0;
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    stored++;
                }
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("the caller index could not be written: " + e.getMessage(), e);
        }
    }

    /** Forgets which identifiers led to these pseudonyms; returns how many entries were deleted. */
    public int deleteOf(Collection<String> callerKeys) {
        if (callerKeys.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE_OF)) {
            delete.setArray(1, connection.createArrayOf("text", callerKeys.toArray()));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the caller index could not be erased: " + e.getMessage(), e);
        }
    }
}
