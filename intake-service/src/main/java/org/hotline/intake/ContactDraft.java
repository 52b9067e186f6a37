package org.hotline.intake;

import java.time.Instant;
import java.time.LocalDate;

import org.hotline.events.CallerRole;
import org.hotline.events.Channel;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;

/**
 * A contact as the operator (or bot, or form) reported it, already checked field by field.
 *
 * @param receivedAt    null means "now"
 * @param caseReference normalized, or null
 * @param details       never null; its fields may be
 */
public record ContactDraft(
        Channel channel,
        Instant receivedAt,
        Purpose purpose,
        Origin origin,
        String callerIdentifier,
        CallerRole callerRole,
        String caseReference,
        PersonalDetails details) {

    /** What the caller told about himself, if anything. */
    public record PersonalDetails(String fullName, LocalDate birthDate, String unit, String location, String notes) {

        public static final PersonalDetails NONE = new PersonalDetails(null, null, null, null, null);
    }
}
