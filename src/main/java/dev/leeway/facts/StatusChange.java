package dev.leeway.facts;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The case entered {@code status} at {@code at}: one step of its status history. */
public record StatusChange(@NotNull String status, @NotNull Instant at) {}
