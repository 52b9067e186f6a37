package org.hotline.intake.rest;

import java.time.Instant;
import java.time.LocalDate;

import org.hotline.events.CallerRole;
import org.hotline.events.CaseReference;
import org.hotline.events.Channel;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.intake.ContactDraft;
import org.hotline.intake.ContactDraft.PersonalDetails;
import org.hotline.intake.rest.validation.CaseReferenceFitsPurpose;
import org.hotline.intake.rest.validation.ContactTime;
import org.hotline.intake.rest.validation.OneOf;
import org.hotline.intake.rest.validation.PastDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/contacts}. Enums, instants and dates are strings here so that
 * Bean Validation reports every bad field in one answer; {@link #toDraft()} converts them once
 * they are known to be good.
 *
 * @param origin absent means {@link Origin#UNKNOWN}: callers often will not say
 */
@CaseReferenceFitsPurpose
public record NewContactRequest(
        @NotNull @OneOf(Channel.class) String channel,
        @ContactTime String receivedAt,
        @NotNull @OneOf(Purpose.class) String purpose,
        @OneOf(Origin.class) String origin,
        @NotNull @Valid Caller caller,
        String caseReference,
        @Valid Details details) {

    /**
     * No control characters (they could forge log lines or break a screen) and no lone halves
     * of a surrogate pair (they cannot be stored as UTF-8). One character class, not an
     * alternation: Java's regex would recurse once per character on a long text.
     */
    static final String PRINTABLE = "[^\\p{Cc}\\p{Cs}]*";

    /** Free text may keep its line breaks and tabs, and nothing else from {@link #PRINTABLE}'s ban. */
    static final String PRINTABLE_TEXT = "[\\t\\n\\r[^\\p{Cc}\\p{Cs}]]*";
    private static final String NO_CONTROL = "must not contain control characters";
    private static final String NO_CONTROL_BUT_LINES = "must not contain control characters other than line breaks and tabs";

    public record Caller(
            @NotBlank @Size(max = 64) @Pattern(regexp = PRINTABLE, message = NO_CONTROL)
            String identifier,
            @NotNull @OneOf(CallerRole.class) String role) {
    }

    public record Details(
            @Size(max = 200) @Pattern(regexp = PRINTABLE, message = NO_CONTROL) String fullName,
            @PastDate String birthDate,
            @Size(max = 200) @Pattern(regexp = PRINTABLE, message = NO_CONTROL) String unit,
            @Size(max = 200) @Pattern(regexp = PRINTABLE, message = NO_CONTROL) String location,
            @Size(max = 2000) @Pattern(regexp = PRINTABLE_TEXT, message = NO_CONTROL_BUT_LINES) String notes) {
    }

    ContactDraft toDraft() {
        return new ContactDraft(
                Channel.valueOf(channel),
                receivedAt == null ? null : Instant.parse(receivedAt),
                Purpose.valueOf(purpose),
                origin == null ? Origin.UNKNOWN : Origin.valueOf(origin),
                caller.identifier(),
                CallerRole.valueOf(caller.role()),
                caseReference == null ? null : CaseReference.normalize(caseReference).orElseThrow(),
                details == null ? PersonalDetails.NONE
                        : new PersonalDetails(details.fullName(),
                                details.birthDate() == null ? null : LocalDate.parse(details.birthDate()),
                                details.unit(), details.location(), details.notes()));
    }
}
