package org.hotline.intake.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import org.hotline.intake.CallerDataKey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The rows of {@code caller_data_key}: the live keys a contact is sealed with, and those the
 * background jobs take in batches. Each of the jobs' batches is
 * locked {@code FOR UPDATE SKIP LOCKED}: several instances share the work without waiting for
 * each other, and a row being used by a contact right now (share-locked by the vault) is left
 * for the next round.
 */
@ApplicationScoped
public class CallerDataKeys {

    /** A live data key as stored: wrapped by master key {@code version}. */
    public record Wrapped(UUID id, byte[] wrappedKey, int version) {
    }

    /** A caller's live data key: wrapped by master key {@code version}. */
    public record Live(UUID id, String callerKey, byte[] wrappedKey, int version) {
    }

    /**
     * Share-locked until the caller's transaction commits: an erasure (on request or by
     * retention) waits for it and then sees the new contact, rather than destroying the key under
     * a contact being sealed with it. Concurrent contacts of one caller share the lock and do not
     * wait. Plain JDBC: this runs for every contact.
     */
    private static final String LOCK_LIVE = """
            select id, caller_key, wrapped_key, master_key_version from caller_data_key
            where caller_key = any(?) and erased_at is null for share""";

    private static final String INSERT_IF_NONE = """
            insert into caller_data_key (id, caller_key, wrapped_key, master_key_version, created_at)
            select id, caller_key, wrapped_key, master_key_version, ?
            from unnest(?::uuid[], ?::text[], ?::bytea[], ?::int[]) as k(id, caller_key, wrapped_key, master_key_version)
            on conflict (caller_key) where erased_at is null do nothing
            returning id""";

    private final EntityManager entities;
    private final DataSource dataSource;

    public CallerDataKeys(EntityManager entities, DataSource dataSource) {
        this.entities = entities;
        this.dataSource = dataSource;
    }

    /** The live data keys of these callers (those who have one), share-locked in the caller's transaction. */
    public List<Live> lockLive(Collection<String> callerKeys) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(LOCK_LIVE)) {
            select.setArray(1, connection.createArrayOf("text", callerKeys.toArray()));
            List<Live> live = new ArrayList<>(callerKeys.size());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    live.add(new Live(rows.getObject(1, UUID.class), rows.getString(2), rows.getBytes(3),
                            rows.getInt(4)));
                }
            }
            return live;
        } catch (SQLException e) {
            throw new IllegalStateException("data keys could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Stores new data keys, in the caller's transaction; a caller who has a live key by now keeps it.
     *
     * @return the ids of the keys stored, leaving out those of callers who had one
     */
    public Set<UUID> insertIfNone(List<Live> keys, Instant createdAt) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_IF_NONE)) {
            insert.setObject(1, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
            insert.setArray(2, connection.createArrayOf("uuid", keys.stream().map(Live::id).toArray()));
            insert.setArray(3, connection.createArrayOf("text", keys.stream().map(Live::callerKey).toArray()));
            insert.setArray(4, connection.createArrayOf("bytea", keys.stream().map(Live::wrappedKey).toArray(byte[][]::new)));
            insert.setArray(5, connection.createArrayOf("int4", keys.stream().map(Live::version).toArray()));
            Set<UUID> stored = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getObject(1, UUID.class));
                }
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("data keys could not be stored: " + e.getMessage(), e);
        }
    }

    /** Locks up to {@code limit} live keys wrapped by one of {@code versions}; in the caller's transaction. */
    public List<Wrapped> lockWrappedBy(Collection<Integer> versions, int limit) {
        if (versions.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select id, wrapped_key, master_key_version from caller_data_key
                where erased_at is null and master_key_version in (:versions)
                order by id limit :limit for update skip locked""")
                .setParameter("versions", versions)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new Wrapped((UUID) row[0], (byte[]) row[1], ((Number) row[2]).intValue()))
                .toList();
    }

    public void rewrap(UUID id, byte[] wrappedKey, int version) {
        entities.createNativeQuery("update caller_data_key set wrapped_key = :wrapped, master_key_version = :version"
                + " where id = :id and erased_at is null")
                .setParameter("wrapped", wrappedKey)
                .setParameter("version", version)
                .setParameter("id", id)
                .executeUpdate();
    }

    /** How many live data keys each master key version wraps. */
    public Map<Integer, Long> liveByVersion() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("select master_key_version, count(*) from caller_data_key"
                + " where erased_at is null group by master_key_version").getResultList();
        Map<Integer, Long> counts = new TreeMap<>();
        rows.forEach(row -> counts.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue()));
        return counts;
    }

    /**
     * Locks up to {@code limit} callers whose personal data is past retention: they made no contact
     * since {@code cutoff}, and every case they belong to (if any) reached a final state before it.
     * Callers with no case at all (information calls, abuse, relatives whose inquiry named no case,
     * follow-ups naming an unknown reference) are covered by the first condition alone. A case
     * intake has not heard of being opened counts as open; a surrender request whose case is not
     * yet known here is recent, so the contact condition keeps its caller.
     */
    public List<String> lockPastRetention(Instant cutoff, int limit) {
        @SuppressWarnings("unchecked")
        List<String> keys = entities.createNativeQuery("""
                select k.caller_key from caller_data_key k
                where k.erased_at is null
                  and not exists (select 1 from case_caller cc left join known_case c on c.case_id = cc.case_id
                                  where cc.caller_key = k.caller_key and (c.final_at is null or c.final_at > :cutoff))
                  and not exists (select 1 from contact ct where ct.caller_key = k.caller_key and ct.recorded_at > :cutoff)
                order by k.id limit :limit for update of k skip locked""")
                .setParameter("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .setParameter("limit", limit)
                .getResultList();
        return keys;
    }

    /** The data key a contact was sealed with, if it is still live (not erased). */
    public Optional<Wrapped> findLive(UUID id) {
        CallerDataKey key = entities.find(CallerDataKey.class, id);
        return key == null || key.wrappedKey == null ? Optional.empty()
                : Optional.of(new Wrapped(key.id, key.wrappedKey, key.masterKeyVersion));
    }

    /** Destroys the callers' live keys; returns how many there were. */
    public int erase(Collection<String> callerKeys, Instant at) {
        return entities.createQuery("""
                update CallerDataKey set wrappedKey = null, erasedAt = :at
                where callerKey in :callerKeys and erasedAt is null""")
                .setParameter("at", at)
                .setParameter("callerKeys", callerKeys)
                .executeUpdate();
    }
}
