package dev.leeway.decision;

import java.math.BigDecimal;
import java.util.List;

/**
 * Who may take an action on this case, up to which amount and under which conditions.
 *
 * @param roles roles the permission is for; empty means whoever holds the case
 * @param step for step-bound actions ({@code SKIP_STEP}, {@code TRANSFER}) the step concerned, else null
 * @param limit the largest amount allowed, in the case currency; null means no amount limit
 */
public record Permission(
        String action, List<String> roles, String step, BigDecimal limit, List<String> conditions, String because) {}
