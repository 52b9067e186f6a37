package org.hotline.intake.rest.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An ISO-8601 instant at which the hotline can have received a contact: not before its launch,
 * not beyond the tolerated clock drift into the future (null is allowed: it means now).
 */
@Target({ FIELD, PARAMETER })
@Retention(RUNTIME)
@Constraint(validatedBy = ContactTimeValidator.class)
public @interface ContactTime {

    String message() default "must be an ISO-8601 instant between the hotline's launch and now";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
