package dev.leeway.decision;

import java.util.List;
import java.util.Map;

/**
 * A sanctioned deviation from procedure that this decision offers.
 *
 * @param skips steps the escape lets its user skip
 * @param actions actions it lets its user take beyond the normal permissions (e.g. {@code GRANT_COMPENSATION})
 * @param allowedRoles who may use it
 * @param limits the bounds it stays within, e.g. {@code maxAmount}
 * @param requires what using it asks for, e.g. {@code JUSTIFICATION}, {@code NOTIFY:TEAM_LEAD}
 * @param review who reviews its use afterwards (null when nobody does)
 * @param because the name of the rule that offered it
 */
public record Escape(
        String id,
        String title,
        List<String> skips,
        List<String> actions,
        List<String> allowedRoles,
        Map<String, Object> limits,
        List<String> requires,
        Review review,
        String because) {}
