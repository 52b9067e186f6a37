package org.hotline.outbox;

import java.time.Instant;

import org.hotline.events.EventJson;
import org.hotline.events.HotlineEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/** Where a service puts the events of a state change, inside the transaction of that change. */
@ApplicationScoped
public class Outbox {

    /** The first half of the two-part advisory lock keys: apart from other uses of advisory locks. */
    private static final int KEY_LOCK_SPACE = 7273;

    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(OutboxRelay relay, TransactionSynchronizationRegistry transactions) {
        this.relay = relay;
        this.transactions = transactions;
    }

    /** MANDATORY: an event without its state change (or the reverse) is exactly what we rule out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(HotlineEvent event) {
        OutboxMessage message = new OutboxMessage();
        message.topic = event.topic();
        message.messageKey = event.partitionKey();
        message.eventType = event.typeName();
        message.payload = EventJson.write(event);
        message.createdAt = Instant.now();
        TraceContext.captureInto(message);
        holdKeyUntilCommit(message.messageKey);
        message.persist();
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

    /**
     * The id is taken at insert, but the relay sends in id order after commit. Two concurrent
     * transactions for one key could otherwise commit in the other order than their ids and reach
     * Kafka out of commit order. Holding a lock on the key from the insert to the commit makes the
     * second one insert (take its id) only after the first committed. Keys of different callers do
     * not wait for each other; a hash collision only makes two of them wait.
     */
    private void holdKeyUntilCommit(String key) {
        OutboxMessage.getEntityManager()
                .createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1, hashtext(?2))) locked")
                .setParameter(1, KEY_LOCK_SPACE)
                .setParameter(2, key)
                .getResultList();
    }
}
