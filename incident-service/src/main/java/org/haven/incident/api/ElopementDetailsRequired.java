package org.haven.incident.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.haven.incident.domain.IncidentType;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An elopement report names when and where the client was last seen; the violation is reported on {@code lastSeen}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ElopementDetailsRequired.Validator.class)
public @interface ElopementDetailsRequired {

    String message() default "is required for an elopement (time, place and clothing)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ElopementDetailsRequired, ReportIncidentRequest> {
        @Override
        public boolean isValid(ReportIncidentRequest request, ConstraintValidatorContext context) {
            if (request == null || request.type() != IncidentType.ELOPEMENT || request.lastSeen() != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("lastSeen").addConstraintViolation();
            return false;
        }
    }
}
