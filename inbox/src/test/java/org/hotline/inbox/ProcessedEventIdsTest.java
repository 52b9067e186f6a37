package org.hotline.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.hotline.stack.PostgresCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exactly-once record against a real PostgreSQL (the project's own throw-away cluster, as the
 * services' suites use), with an effect that a second application would double: each applied
 * event adds a row, as a counter adds one. case-service's and intake's own effects change nothing
 * when applied twice (keyed by contact id, or a set insert, or a state only a newer case version
 * replaces), so their suites cannot see the record skipped; here a redelivery applied again shows
 * at once. Each test uses events of its own; the table has the services' shape.
 */
class ProcessedEventIdsTest {

    private static final Instant FIRST = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant LATER = FIRST.plus(Duration.ofHours(1));

    private static PostgresCluster postgres;

    @BeforeAll
    static void startPostgres() throws SQLException {
        postgres = PostgresCluster.startThrowaway(
                Path.of("target", "real-postgres", UUID.randomUUID().toString().substring(0, 8)));
        postgres.createDatabases("inbox", "generations");
        try (Connection connection = postgres.connect("inbox"); Statement statement = connection.createStatement()) {
            statement.execute("""
                    create table processed_event (
                        event_id     uuid        primary key,
                        processed_at timestamptz not null,
                        seq          bigserial
                    );
                    create table effect (event_id uuid not null)""");
        }
        try (Connection connection = postgres.connect("generations");
                Statement statement = connection.createStatement()) {
            // stats-service's shape: a store kept in generations, each built once from the whole history.
            statement.execute("""
                    create table processed_event (
                        generation   integer     not null,
                        event_id     uuid        not null,
                        processed_at timestamptz not null,
                        seq          bigserial,
                        primary key (generation, event_id)
                    )""");
        }
    }

    @Test
    void anEventAppliedToOneGenerationIsNewToAnotherAndOldToItsOwn() throws SQLException {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();

        try (Connection connection = postgres.connect("generations")) {
            Set<UUID> first = ProcessedEventIds.recordFirstTime(connection, 1, List.of(a, b, a), FIRST);
            Set<UUID> again = ProcessedEventIds.recordFirstTime(connection, 1, List.of(b, a), LATER);
            Set<UUID> rebuilt = ProcessedEventIds.recordFirstTime(connection, 2, List.of(a), LATER);

            assertThat(first).containsExactlyInAnyOrder(a, b);
            assertThat(again).isEmpty();
            assertThat(rebuilt).containsExactly(a);
        }
    }

    @Test
    void aBatchDeliveredAgainIsNotAppliedAgain() throws SQLException {
        List<UUID> batch = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        Set<UUID> first = deliver(batch, FIRST);
        Set<UUID> again = deliver(batch, LATER);

        assertThat(timesApplied(batch)).as("times each event was applied").containsExactly(1, 1, 1);
        assertThat(first).containsExactlyInAnyOrderElementsOf(batch);
        assertThat(again).isEmpty();
        assertThat(processedAt(batch.get(0))).as("recorded at the first delivery").isEqualTo(FIRST);
    }

    @Test
    void anEventRepeatedWithinABatchAndInALaterOneIsAppliedOnce() throws SQLException {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();

        Set<UUID> first = deliver(List.of(a, b, a), FIRST);
        Set<UUID> later = deliver(List.of(b, c, a), LATER);

        assertThat(timesApplied(List.of(a, b, c))).as("times each event was applied").containsExactly(1, 1, 1);
        assertThat(first).containsExactlyInAnyOrder(a, b);
        assertThat(later).containsExactly(c);
    }

    @Test
    void aBatchWhoseEffectRolledBackIsAppliedWholeAtItsNextDelivery() throws SQLException {
        List<UUID> batch = List.of(UUID.randomUUID(), UUID.randomUUID());
        try (Connection connection = postgres.connect("inbox")) {
            connection.setAutoCommit(false);
            ProcessedEventIds.recordFirstTime(connection, batch, FIRST);
            // The effect failed: the record goes with it, or the events would be lost.
            connection.rollback();
        }

        Set<UUID> next = deliver(batch, LATER);

        assertThat(timesApplied(batch)).as("times each event was applied").containsExactly(1, 1);
        assertThat(next).containsExactlyInAnyOrderElementsOf(batch);
    }

    @Test
    void aSecondDeliveryAtTheSameTimeWaitsForTheFirstToCommitAndAppliesNothing() throws Exception {
        List<UUID> batch = List.of(UUID.randomUUID(), UUID.randomUUID());
        try (Connection first = postgres.connect("inbox"); Connection second = postgres.connect("inbox")) {
            first.setAutoCommit(false);
            applyFirstTime(first, batch, FIRST);
            int secondBackend = backendOf(second);

            // As two instances given the same records after a rebalance.
            CompletableFuture<Set<UUID>> secondDelivery = CompletableFuture.supplyAsync(() -> {
                try {
                    return deliver(second, batch, LATER);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await("the second delivery waiting for the first one's rows").atMost(Duration.ofSeconds(30))
                    .until(() -> waitsOnALock(secondBackend));
            first.commit();

            assertThat(secondDelivery.join()).as("applied by the second delivery").isEmpty();
        }
        assertThat(timesApplied(batch)).as("times each event was applied").containsExactly(1, 1);
    }

    /** What a consumer does with a batch: records its ids and, in the same transaction, applies the new ones. */
    private static Set<UUID> deliver(List<UUID> batch, Instant now) throws SQLException {
        try (Connection connection = postgres.connect("inbox")) {
            return deliver(connection, batch, now);
        }
    }

    private static Set<UUID> deliver(Connection connection, List<UUID> batch, Instant now) throws SQLException {
        connection.setAutoCommit(false);
        Set<UUID> firstTime = applyFirstTime(connection, batch, now);
        connection.commit();
        return firstTime;
    }

    private static Set<UUID> applyFirstTime(Connection connection, List<UUID> batch, Instant now) throws SQLException {
        Set<UUID> firstTime = ProcessedEventIds.recordFirstTime(connection, batch, now);
        Set<UUID> toApply = new HashSet<>(firstTime);
        try (PreparedStatement apply = connection.prepareStatement("insert into effect (event_id) values (?)")) {
            for (UUID eventId : batch) {
                // Removing the id applies an event repeated within the batch once, as the services do.
                if (toApply.remove(eventId)) {
                    apply.setObject(1, eventId);
                    apply.executeUpdate();
                }
            }
        }
        return firstTime;
    }

    /** How many times each event's effect was applied, in the order of {@code eventIds}. */
    private static List<Integer> timesApplied(List<UUID> eventIds) throws SQLException {
        try (Connection connection = postgres.connect("inbox");
                PreparedStatement query = connection.prepareStatement("""
                        select (select count(*) from effect e where e.event_id = id)
                        from unnest(?) with ordinality as ids (id, position) order by position""")) {
            query.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                List<Integer> times = new ArrayList<>();
                while (rows.next()) {
                    times.add(rows.getInt(1));
                }
                return times;
            }
        }
    }

    private static Instant processedAt(UUID eventId) throws SQLException {
        try (Connection connection = postgres.connect("inbox");
                PreparedStatement query = connection.prepareStatement(
                        "select processed_at from processed_event where event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getObject(1, OffsetDateTime.class).toInstant() : null;
            }
        }
    }

    private static int backendOf(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static boolean waitsOnALock(int backend) throws SQLException {
        try (Connection connection = postgres.connect("inbox");
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from pg_stat_activity where pid = ? and wait_event_type = 'Lock'")) {
            query.setInt(1, backend);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1) == 1;
            }
        }
    }
}
