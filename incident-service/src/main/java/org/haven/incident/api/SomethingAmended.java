package org.haven.incident.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An amendment changes something: a correction in words, added people, or last-seen details; reported on {@code correction}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SomethingAmended.Validator.class)
public @interface SomethingAmended {

    String message() default "is required unless the amendment adds people or corrects the last-seen details";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SomethingAmended, AmendmentResource.AmendmentRequest> {
        @Override
        public boolean isValid(AmendmentResource.AmendmentRequest request, ConstraintValidatorContext context) {
            if (request == null || request.correction() != null || !request.addedInvolvedStaffIds().isEmpty()
                    || !request.addedWitnessIds().isEmpty() || request.lastSeen() != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("correction").addConstraintViolation();
            return false;
        }
    }
}
