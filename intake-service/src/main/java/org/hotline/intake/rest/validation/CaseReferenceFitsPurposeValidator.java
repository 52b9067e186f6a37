package org.hotline.intake.rest.validation;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.hotline.events.CaseReference;
import org.hotline.events.Purpose;
import org.hotline.intake.rest.NewContactRequest;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class CaseReferenceFitsPurposeValidator implements ConstraintValidator<CaseReferenceFitsPurpose, NewContactRequest> {

    private static final Set<String> KNOWN_PURPOSES = Arrays.stream(Purpose.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> MAY_NAME_A_CASE = Set.of(Purpose.FOLLOW_UP.name(), Purpose.RELATIVE_INQUIRY.name());

    @Override
    public boolean isValid(NewContactRequest request, ConstraintValidatorContext context) {
        String reference = request.caseReference();
        String purpose = request.purpose();
        if (reference == null) {
            return !Purpose.FOLLOW_UP.name().equals(purpose)
                    || refuse(context, "is required for purpose " + Purpose.FOLLOW_UP);
        }
        if (purpose != null && KNOWN_PURPOSES.contains(purpose) && !MAY_NAME_A_CASE.contains(purpose)) {
            return refuse(context, "is only allowed for purposes " + Purpose.FOLLOW_UP + " and " + Purpose.RELATIVE_INQUIRY);
        }
        return CaseReference.isWellFormed(reference)
                || refuse(context, "must be a case reference of the form XXXX-XXXX, as issued");
    }

    private static boolean refuse(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addPropertyNode("caseReference").addConstraintViolation();
        return false;
    }
}
