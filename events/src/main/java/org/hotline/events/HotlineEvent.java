package org.hotline.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Every event on the hotline's topics. The JSON carries a {@code type} such as
 * {@code ContactRecorded.v1}: a change that breaks readers gets a new type name, so
 * readers of the old one keep working. Readers ignore fields they do not know.
 *
 * <p>No event holds personal data: callers appear only as their {@code callerKey}, a random
 * pseudonym that nothing can recompute from a phone number (intake's blind index is the only link,
 * and an erasure deletes it).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ContactRecorded.class, name = ContactRecorded.TYPE),
        @JsonSubTypes.Type(value = CaseOpened.class, name = CaseOpened.TYPE),
        @JsonSubTypes.Type(value = CaseTransitioned.class, name = CaseTransitioned.TYPE),
        @JsonSubTypes.Type(value = CaseContactLinked.class, name = CaseContactLinked.TYPE),
        @JsonSubTypes.Type(value = CaseCareRecorded.class, name = CaseCareRecorded.TYPE),
        @JsonSubTypes.Type(value = CaseInquiryLinked.class, name = CaseInquiryLinked.TYPE),
        @JsonSubTypes.Type(value = CaseAssigned.class, name = CaseAssigned.TYPE),
        @JsonSubTypes.Type(value = CallerErased.class, name = CallerErased.TYPE),
})
public sealed interface HotlineEvent permits ContactRecorded, CaseEvent, CallerErased {

    /** Unique per event; consumers use it to apply each event once. */
    UUID eventId();

    /** When the thing happened in the world (not when it was processed): stats bucket by it. */
    Instant occurredAt();

    /** The Kafka record key: all events with one key stay in order on one partition. */
    @JsonIgnore
    String partitionKey();

    /** The topic this event is published to. */
    @JsonIgnore
    String topic();

    /** The versioned type name written into the JSON. */
    @JsonIgnore
    default String typeName() {
        return EventJson.typeNameOf(this);
    }
}
