package org.hotline.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.hotline.events.EventJson;
import org.hotline.events.HotlineEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Where a service puts the events of a state change, inside the transaction of that change: one
 * prepared statement on that transaction's connection, however many events.
 *
 * <p>The id is taken at insert, but the relay sends in id order after commit. Two concurrent
 * transactions for one key could otherwise commit in the other order than their ids and reach
 * Kafka out of commit order. So the insert first takes a transaction-scoped advisory lock on each
 * key, held until the commit: a second transaction for the same key takes its id only after the
 * first committed. Keys of different callers do not wait for each other; a hash collision only
 * makes two of them wait.
 */
@ApplicationScoped
public class Outbox {

    /** Marks a transaction that already wakes the relay when it commits. */
    private static final Object WAKES_RELAY = new Object();

    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;
    private final DataSource dataSource;

    public Outbox(OutboxRelay relay, TransactionSynchronizationRegistry transactions, DataSource dataSource) {
        this.relay = relay;
        this.transactions = transactions;
        this.dataSource = dataSource;
    }

    /** MANDATORY: an event without its state change (or the reverse) is exactly what we rule out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(HotlineEvent event) {
        publishAll(List.of(event));
    }

    /** As {@link #publish}, for many events at once (a bulk import's chunk); they are relayed in this order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<? extends HotlineEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<OutboxTable.NewMessage> messages = events.stream().map(event -> new OutboxTable.NewMessage(
                event.topic(), event.partitionKey(), event.typeName(), EventJson.write(event))).toList();
        // The data source hands out the connection this transaction already uses.
        try (Connection connection = dataSource.getConnection()) {
            OutboxTable.insert(connection, messages, Instant.now(), TraceContext.current());
        } catch (SQLException e) {
            throw new IllegalStateException("outbox messages could not be written: " + e.getMessage(), e);
        }
        wakeRelayAfterCommit();
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKES_RELAY) != null) {
            return;
        }
        transactions.putResource(WAKES_RELAY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
