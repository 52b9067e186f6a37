package org.hotline.inbox;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.hotline.events.HotlineEvent;

import io.opentelemetry.context.Scope;

/**
 * The events of one batch, in the order of each partition, as an {@link EventConsumer} applies them
 * inside the inbox's transaction. {@link #firstTime()} records their ids as applied in that same
 * transaction and gives back only those never applied before, each once: the consumer applies
 * those, and a redelivered or repeated event changes nothing.
 *
 * @param <E> what the service read from each record
 */
public final class Batch<E extends HotlineEvent> {

    private final List<E> events;
    private final Map<E, Consumed> records = new IdentityHashMap<>();
    private final ProcessedEvents processed;

    private Batch(List<E> events, List<Consumed> records, ProcessedEvents processed) {
        this.events = events;
        for (int i = 0; i < events.size(); i++) {
            this.records.put(events.get(i), records.get(i));
        }
        this.processed = processed;
    }

    /**
     * Reads every record through the consumer first, so that an unusable one fails the batch before
     * anything is written.
     */
    static <E extends HotlineEvent> Batch<E> read(EventConsumer<E> consumer, List<Consumed> records,
            ProcessedEvents processed) {
        List<E> events = records.stream().map(record -> consumer.read(record.payload())).toList();
        return new Batch<>(events, records, processed);
    }

    /** The records of the batch, as consumed: their event ids and traces. */
    public List<Consumed> records() {
        return events.stream().map(records::get).toList();
    }

    /**
     * Records the batch's events as applied and returns those recorded now, in their order; an
     * event applied before, or repeated within the batch, is left out (its first copy stays).
     */
    public List<E> firstTime() {
        return processed.firstTime(events, HotlineEvent::eventId);
    }

    /**
     * As {@link #firstTime()}, for a store kept in generations that are each built once from the
     * whole history (stats-service): an event applied to one generation is still new to another.
     */
    public List<E> firstTimeIn(int generation) {
        return processed.firstTimeIn(generation, events, HotlineEvent::eventId);
    }

    /**
     * Makes the event's record current until {@code close()}: log lines carry its event id and
     * spans (the SQL, an event published through the outbox) belong to its trace.
     */
    public Scope enter(E event) {
        Consumed record = records.get(event);
        return record == null ? Scope.noop() : record.enter();
    }
}
