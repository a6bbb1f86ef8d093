package dev.leeway.decision;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.leeway.facts.ActionRequest;
import dev.leeway.facts.Actor;
import dev.leeway.facts.ServiceCase;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * What the helpdesk asks: a case, optionally who is asking and what they want to do now, and
 * optionally the instant to evaluate at (default: now). The same request with the same {@code at}
 * on the same rule set always gets the same decision.
 *
 * @param source the system that sent the case (e.g. {@code zendesk}), whose aliases the vocabulary
 *     applies to its values; without one, values are read as the vocabulary declares them
 */
public record DecisionRequest(
        @JsonProperty("case") @NotNull @Valid ServiceCase serviceCase,
        @Valid Actor actor,
        @Valid ActionRequest request,
        Instant at,
        String source) {

    /** The same request evaluated at another instant. */
    public DecisionRequest at(Instant instant) {
        return new DecisionRequest(serviceCase, actor, request, instant, source);
    }
}
