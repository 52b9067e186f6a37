package org.hotline.intake.rest.validation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

@ApplicationScoped
public class PastDateValidator implements ConstraintValidator<PastDate, String> {

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
            return LocalDate.parse(value).isBefore(LocalDate.now(clock));
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
