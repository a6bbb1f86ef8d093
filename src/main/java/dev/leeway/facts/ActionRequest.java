package dev.leeway.facts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/**
 * An action the actor wants to take now, for which Leeway answers yes or no.
 *
 * @param action e.g. {@code GRANT_COMPENSATION}, {@code TRANSFER}, {@code SKIP_STEP}, {@code CLOSE}
 * @param amount for money actions, in the case currency
 * @param step for {@code SKIP_STEP} and {@code TRANSFER}: the step concerned
 */
public record ActionRequest(@NotBlank String action, @PositiveOrZero BigDecimal amount, String step) {

    /** Whether this is the given action. */
    public boolean is(String name) {
        return action.equals(name);
    }
}
