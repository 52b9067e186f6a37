package org.hotline.intake.rest.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A follow-up names its case; a relative may name one; any other purpose must not (a surrender
 * request gets a fresh one). A named reference must be well-formed. Reported on
 * {@code caseReference}.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = CaseReferenceFitsPurposeValidator.class)
public @interface CaseReferenceFitsPurpose {

    String message() default "does not fit the purpose";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
