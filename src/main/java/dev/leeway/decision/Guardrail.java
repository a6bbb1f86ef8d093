package dev.leeway.decision;

import java.math.BigDecimal;
import java.util.List;

/**
 * A rule that holds whatever other rules allow: it either forbids an action or attaches a
 * requirement that no escape can drop.
 *
 * @param effect {@code FORBID} or {@code REQUIRE}
 * @param step the step concerned for step-bound actions, else null
 * @param above the guardrail applies only to amounts above this (null: to any amount)
 * @param requirement for {@code REQUIRE}: what is required, e.g. {@code FOUR_EYES}
 * @param blockedEscapes ids of escapes this guardrail withdrew from the decision
 */
public record Guardrail(
        String id,
        String effect,
        String action,
        String step,
        BigDecimal above,
        String requirement,
        String reason,
        List<String> blockedEscapes,
        String because) {}
