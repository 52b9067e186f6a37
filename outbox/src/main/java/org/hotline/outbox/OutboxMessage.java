package org.hotline.outbox;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An event waiting to be relayed to Kafka. It is written in the same transaction as the state
 * change it describes, and deleted once the broker has acknowledged it. Its table comes with this
 * module ({@code db/outbox}, to be added to the service's {@code quarkus.flyway.locations}).
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    /** Increasing: the relay sends in this order, which keeps each key's events in order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String messageKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** How often the broker refused it for good (an outage does not count): parked at the configured limit. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** W3C trace context of the transaction that wrote it (null if untraced): see {@link TraceContext}. */
    public String traceparent;

    public String tracestate;
}
