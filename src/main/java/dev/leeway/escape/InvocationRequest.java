package dev.leeway.escape;

import dev.leeway.facts.Actor;
import jakarta.validation.Valid;
import jakarta.validation.groups.ConvertGroup;
import jakarta.validation.constraints.NotNull;

/** {@code POST /api/v1/decisions/{decisionId}/escapes/{escapeId}/invocations}: who uses the escape, and why. */
public record InvocationRequest(@NotNull @Valid @ConvertGroup(to = Actor.Accountable.class) Actor actor,
        String justification) {}
