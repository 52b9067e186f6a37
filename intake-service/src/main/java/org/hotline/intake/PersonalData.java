package org.hotline.intake;

import java.time.LocalDate;

/**
 * Everything personal a contact holds: the caller's identifier (phone number or handle) and the
 * details the operator took down. Stored only sealed ({@link Contact#sealedPersonalData}).
 */
public record PersonalData(String callerIdentifier, String fullName, LocalDate birthDate, String unit,
        String location, String notes) {
}
