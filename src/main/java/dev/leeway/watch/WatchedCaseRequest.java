package dev.leeway.watch;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.leeway.facts.Actor;
import dev.leeway.facts.ServiceCase;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * What the helpdesk sends whenever a case changes: the case, and optionally who holds it, as in a
 * decision request. No action request and no {@code at}: a watched case is decided at the instant it
 * arrives and then at each instant its decision changes.
 *
 * @param source the system that sent the case, as in a decision request
 */
public record WatchedCaseRequest(
        @JsonProperty("case") @NotNull @Valid ServiceCase serviceCase,
        @Valid Actor actor,
        String source) {}
