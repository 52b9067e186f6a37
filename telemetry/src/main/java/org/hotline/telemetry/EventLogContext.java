package org.hotline.telemetry;

import org.jboss.logging.MDC;

/**
 * Puts the id of the event being handled into every log line written meanwhile (MDC key
 * {@value #EVENT_ID}), beside the trace id OpenTelemetry puts there: an operator finds all lines
 * about one contact or case event, across services, by either id. An event id is a random UUID,
 * never personal data. Used as {@code try (var logged = EventLogContext.of(id)) { ... }}; it puts
 * back whatever was there before, so nested use is harmless.
 */
public final class EventLogContext implements AutoCloseable {

    /** The MDC key, as the console format ({@code %X{eventId}}) and the JSON logs name it. */
    public static final String EVENT_ID = "eventId";

    private static final EventLogContext NONE = new EventLogContext(null, false);

    private final Object previous;
    private final boolean set;

    private EventLogContext(Object previous, boolean set) {
        this.previous = previous;
        this.set = set;
    }

    /** From here to {@link #close()} log lines carry {@code eventId}; a null id changes nothing. */
    public static EventLogContext of(Object eventId) {
        if (eventId == null) {
            return NONE;
        }
        Object previous = MDC.get(EVENT_ID);
        MDC.put(EVENT_ID, eventId.toString());
        return new EventLogContext(previous, true);
    }

    @Override
    public void close() {
        if (!set) {
            return;
        }
        if (previous == null) {
            MDC.remove(EVENT_ID);
        } else {
            MDC.put(EVENT_ID, previous);
        }
    }
}
