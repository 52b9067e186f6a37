package org.hotline.events;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CloudEvents 1.0 attributes of an event in Kafka's binary content mode: one {@code ce_*}
 * record header per attribute, the JSON payload as the record value. Standard tools (CloudEvents
 * SDKs, Knative, Kafka UIs) then read id, source, type and time without parsing our JSON. Made
 * here, beside the event contract, so every producer sends the same attributes.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "1.0";

    /** The header of the event's id: consumers put it into their log lines without parsing the payload. */
    public static final String ID = "ce_id";

    private CloudEventHeaders() {
    }

    /**
     * @param source the CloudEvents {@code source}: a URI reference naming the producing service,
     *               e.g. {@code /hotline/intake-service}
     * @return the headers in a stable order; {@code ce_type} is the versioned type name that the
     *         {@code type} header and the JSON carry too
     */
    public static Map<String, String> of(HotlineEvent event, String source) {
        return of(new EventJson.Envelope(event.typeName(), event.eventId(), event.occurredAt()), source);
    }

    /** As {@link #of(HotlineEvent, String)}, from what a stored event's JSON says of itself. */
    public static Map<String, String> of(EventJson.Envelope event, String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", SPEC_VERSION);
        headers.put(ID, event.eventId().toString());
        headers.put("ce_source", source);
        headers.put("ce_type", event.type());
        headers.put("ce_time", DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        // Binary mode names the payload's media type in content-type (the datacontenttype attribute).
        headers.put("content-type", "application/json");
        return headers;
    }
}
