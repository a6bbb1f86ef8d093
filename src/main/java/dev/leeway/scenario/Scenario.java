package dev.leeway.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.leeway.decision.DecisionRequest;
import dev.leeway.facts.ActionRequest;
import dev.leeway.facts.Actor;
import dev.leeway.facts.ServiceCase;
import java.time.Instant;

/**
 * One scenario from {@code rules/tests/*.yaml}: given a case (and optionally an actor and a
 * request) at an instant, the decision must meet the expectation.
 *
 * @param source the system the case is written as coming from, whose aliases then apply
 */
public record Scenario(
        String name,
        Instant at,
        @JsonProperty("case") ServiceCase serviceCase,
        Actor actor,
        ActionRequest request,
        String source,
        Expectation expect) {

    public DecisionRequest toRequest() {
        return new DecisionRequest(serviceCase, actor, request, at, source);
    }
}
