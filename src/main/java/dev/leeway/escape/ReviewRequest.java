package dev.leeway.escape;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * {@code POST /api/v1/audit/escapes/{invocationId}/review}: the reviewer's judgement of one use of an
 * escape. The reviewer is whoever authenticated, so the body names nobody.
 */
public record ReviewRequest(@NotNull Outcome outcome, @NotBlank String note) {

    /** A use of an escape is either fine, or flagged for follow-up. */
    public enum Outcome { APPROVED, FLAGGED }
}
