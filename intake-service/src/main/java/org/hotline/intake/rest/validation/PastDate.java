package org.hotline.intake.rest.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** An ISO-8601 date ({@code 1990-04-23}) before today and not before 1900 (null is allowed). */
@Target({ FIELD, PARAMETER })
@Retention(RUNTIME)
@Constraint(validatedBy = PastDateValidator.class)
public @interface PastDate {

    String message() default "must be an ISO-8601 date between 1900-01-01 and yesterday";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
