package org.hotline.outbox;

/**
 * An event waiting in {@code outbox_message} to be relayed to Kafka, as the relay reads it. It is
 * written in the same transaction as the state change it describes ({@link Outbox}), and deleted
 * once the broker has acknowledged it. Its table comes with this module ({@code db/outbox}, to be
 * added to the service's {@code quarkus.flyway.locations}); {@link OutboxTable} is its only SQL.
 *
 * @param id          increasing: the relay sends in this order, which keeps each key's events in order
 * @param attempts    how often the broker refused it for good (an outage does not count)
 * @param traceparent W3C trace context of the transaction that wrote it (null if untraced): see {@link TraceContext}
 */
record OutboxMessage(long id, String topic, String messageKey, String eventType, String payload, int attempts,
        String traceparent, String tracestate) {
}
