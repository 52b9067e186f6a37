package org.hotline.intake.rest.validation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

@ApplicationScoped
public class PastDateValidator implements ConstraintValidator<PastDate, String> {

    /** Nobody alive was born earlier; an older date is a typo (and year -999999999 breaks the database). */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final Clock clock;

    public PastDateValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            return !date.isBefore(EARLIEST) && date.isBefore(LocalDate.now(clock));
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
