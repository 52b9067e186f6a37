package org.hotline.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.Arrays;

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

    static String typeNameOf(HotlineEvent event) {
        return Arrays.stream(HotlineEvent.class.getAnnotation(JsonSubTypes.class).value())
                .filter(t -> t.value() == event.getClass())
                .map(JsonSubTypes.Type::name)
                .findFirst()
                .orElseThrow();
    }

    /** The record could not be read as a hotline event: it belongs in the dead-letter topic. */
    public static final class UnreadableEvent extends RuntimeException {
        UnreadableEvent(Throwable cause) {
            super("unreadable event: " + cause.getMessage(), cause);
        }
    }
}
