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
}
