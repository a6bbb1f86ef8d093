package dev.leeway.escape;

import dev.leeway.facts.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;

/** {@code POST /api/v1/audit/escapes/{invocationId}/review}: the reviewer's judgement of one use of an escape. */
public record ReviewRequest(@NotNull @Valid @ConvertGroup(to = Actor.Accountable.class) Actor reviewer,
        @NotNull Outcome outcome, @NotBlank String note) {

    /** A use of an escape is either fine, or flagged for follow-up. */
    public enum Outcome { APPROVED, FLAGGED }
}
