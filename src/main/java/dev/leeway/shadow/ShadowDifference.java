package dev.leeway.shadow;

import dev.leeway.whatif.Change;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A live decision the shadow rule set would have answered differently.
 *
 * @param at the instant both were evaluated at: the live decision's {@code evaluatedAt}
 * @param changes what a helpdesk would notice, per aspect, as a what-if run reports it
 */
public record ShadowDifference(UUID decisionId, String caseId, Instant at, List<Change> changes) {}
