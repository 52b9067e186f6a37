package org.hotline.outbox;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A message the broker refused too often (too large, say), set aside so that the messages behind
 * it flow on. It keeps its outbox id and the last error, until an operator sends it again. Read
 * here for the operator; moved in and out by {@link OutboxTable}.
 */
@Entity
@Table(name = "outbox_parked")
public class ParkedMessage extends PanacheEntityBase {

    @Id
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

    @Column(nullable = false)
    public int attempts;

    @Column(nullable = false)
    public String error;

    @Column(name = "parked_at", nullable = false)
    public Instant parkedAt;

    public String traceparent;

    public String tracestate;
}
