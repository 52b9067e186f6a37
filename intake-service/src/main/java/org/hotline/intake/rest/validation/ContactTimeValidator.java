package org.hotline.intake.rest.validation;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.hotline.intake.config.IntakeConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Provider;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * A bean, so that it sees the configured launch and the same clock as the rest of intake. The
 * config is looked up per call: Hibernate Validator builds its validators while Quarkus starts,
 * before config mappings can be read.
 */
@ApplicationScoped
public class ContactTimeValidator implements ConstraintValidator<ContactTime, String> {

    private final Provider<IntakeConfig> config;
    private final Clock clock;

    public ContactTimeValidator(Provider<IntakeConfig> config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Instant time;
        try {
            time = Instant.parse(value);
        } catch (DateTimeParseException e) {
            return refuse(context, "must be an ISO-8601 instant such as 2023-03-01T12:00:00Z");
        }
        IntakeConfig intake = config.get();
        if (time.isBefore(intake.launch())) {
            return refuse(context, "must not be before the hotline's launch (" + intake.launch() + ")");
        }
        if (time.isAfter(clock.instant().plus(intake.futureTolerance()))) {
            return refuse(context, "must not be in the future");
        }
        return true;
    }

    private static boolean refuse(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
        return false;
    }
}
