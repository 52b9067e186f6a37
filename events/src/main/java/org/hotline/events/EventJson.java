package org.hotline.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/**
 * The one JSON form of every event. Writers and readers share it, so no service keeps a copy
 * of the schema. Unknown fields are ignored (newer writers stay readable); an unknown type or
 * broken JSON is an {@link UnreadableEvent}.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private EventJson() {
    }

    public static String write(HotlineEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.getClass().getSimpleName(), e);
        }
    }

    public static HotlineEvent read(String json) {
        try {
            return MAPPER.readValue(json, HotlineEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableEvent(e);
        }
    }

    /**
     * What every event says of itself, read without binding the rest: the outbox relay needs only
     * this for a record's CloudEvents headers, and reading the whole event cost it more than sending it.
     */
    public record Envelope(String type, UUID eventId, Instant occurredAt) {
    }

    public static Envelope envelopeOf(String json) {
        String type = null;
        UUID eventId = null;
        Instant occurredAt = null;
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("an event is a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "type" -> type = parser.getValueAsString();
                    case "eventId" -> eventId = value == JsonToken.VALUE_NULL ? null : UUID.fromString(parser.getText());
                    case "occurredAt" -> occurredAt = value == JsonToken.VALUE_NULL ? null : Instant.parse(parser.getText());
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw new UnreadableEvent(e);
        }
        if (type == null || eventId == null || occurredAt == null) {
            throw new UnreadableEvent(new IllegalArgumentException("the event lacks its type, id or time"));
        }
        return new Envelope(type, eventId, occurredAt);
    }

    static String typeNameOf(HotlineEvent event) {
        return TYPE_NAMES.get(event.getClass());
    }

    /** Each event class's type name, read from the annotation once rather than per event. */
    private static final ClassValue<String> TYPE_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return Arrays.stream(HotlineEvent.class.getAnnotation(JsonSubTypes.class).value())
                    .filter(t -> t.value() == type)
                    .map(JsonSubTypes.Type::name)
                    .findFirst()
                    .orElseThrow();
        }
    };

    /** The record could not be read as a hotline event: it belongs in the dead-letter topic. */
    public static final class UnreadableEvent extends RuntimeException {
        UnreadableEvent(Throwable cause) {
            super("unreadable event: " + cause.getMessage(), cause);
        }
    }
}
