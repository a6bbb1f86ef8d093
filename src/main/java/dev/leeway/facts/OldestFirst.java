package dev.leeway.facts;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A status history lists its changes oldest first. Out of order, it would say the case was in a
 * status at a time it was not, and deadline clocks would pause at the wrong times.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OldestFirstValidator.class)
public @interface OldestFirst {

    String message() default "must not be before the entry above it";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
