package org.hotline.inbox;

import java.util.concurrent.CompletionStage;

import org.hotline.events.EventJson;
import org.hotline.events.HotlineEvent;

import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The one shape of a consumer. A service's consumer extends this for one channel and supplies
 * only what is its own: which fields it cannot do without ({@link #check}) and how to apply a
 * batch ({@link #apply}). The {@link Inbox} does the rest: batches of one poll, the transaction,
 * each event applied once, transient failures waited out, a poison record dead-lettered alone, a
 * graceful stop, and the dead-letter replay, which goes through this same consumer.
 *
 * <p>SmallRye binds a channel to a method by annotation, so each consumer declares its own:
 * <pre>{@code
 * @Incoming(CHANNEL)
 * @Blocking
 * public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
 *     return deliver(batch);
 * }
 * }</pre>
 * Consumers are {@code @Singleton} beans: a normal-scoped bean's client proxy would need a
 * constructor without arguments, which this class has no use for.
 *
 * @param <E> the one event type its topic carries
 */
public abstract class EventConsumer<E extends HotlineEvent> {

    private final Inbox inbox;
    private final String channel;
    private final String topic;
    private final Class<E> type;

    protected EventConsumer(Inbox inbox, String channel, String topic, Class<E> type) {
        this.inbox = inbox;
        this.channel = channel;
        this.topic = topic;
        this.type = type;
    }

    /** Applies one poll's batch through the inbox; its completion acknowledges the batch. */
    protected CompletionStage<Void> deliver(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver(batch, this);
    }

    /** The incoming channel (its dead letters are counted under it). */
    public String channel() {
        return channel;
    }

    /** The topic it reads; its dead letters are replayed through this consumer. */
    public String topic() {
        return topic;
    }

    /**
     * Reads a record as the topic's event type and {@link #check}s it. An unreadable record,
     * another type, or one that fails the check is {@link UnusableEvent}: it goes to the
     * dead-letter topic, alone.
     */
    public final E read(String payload) {
        HotlineEvent event = EventJson.read(payload);
        if (!type.isInstance(event)) {
            throw new UnusableEvent(event.typeName() + " does not belong on " + topic);
        }
        E read = type.cast(event);
        if (read.eventId() == null) {
            throw new UnusableEvent(event.typeName() + " lacks its event id");
        }
        check(read);
        return read;
    }

    /** Throws {@link UnusableEvent} if the event lacks what this service needs to apply it. */
    protected abstract void check(E event);

    /**
     * Applies a batch inside the inbox's transaction, usually {@link Batch#firstTime()}: what it
     * writes commits with the record of which events were applied, or not at all. It may be called
     * again for the same events after a transient failure, in a fresh transaction.
     */
    public abstract void apply(Batch<E> batch);
}
