package org.hotline.inbox;

import java.util.List;

import io.opentelemetry.context.Scope;

/**
 * How a service applies the records of one topic: the live consumer and a dead-letter replay go
 * through the same code, so a replayed event that was applied before changes nothing.
 */
public interface TopicApplier {

    /** The topic whose records this applies. */
    String topic();

    /**
     * Applies one record, waiting out transient failures; throws for a record that can never be
     * applied (unreadable, invalid).
     */
    void apply(String payload);

    /**
     * Applies a batch of records in their order (the order of each partition), waiting out
     * transient failures; an event already applied, or repeated within the batch, changes nothing.
     * Each record's effects run inside its {@link Consumed#enter()}, so they carry its event id and
     * trace. Throws if any record can never be applied, having applied none of them or only records
     * whose second application changes nothing: the {@link Inbox} then applies them one by one, so
     * that only the poison record is dead-lettered. A service that gains nothing from applying
     * them together keeps this default, one record (and one transaction) at a time.
     */
    default void applyAll(List<Consumed> records) {
        for (Consumed record : records) {
            try (Scope entered = record.enter()) {
                apply(record.payload());
            }
        }
    }
}
