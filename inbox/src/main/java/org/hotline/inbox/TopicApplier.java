package org.hotline.inbox;

/**
 * How a service applies a record of one topic: the live consumer and a dead-letter replay go
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
}
