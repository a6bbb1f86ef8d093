package dev.leeway.decision;

import java.util.List;

/**
 * Everything the rules concluded for one case at one instant, before guardrails are applied to
 * escapes and before the request (if any) is judged.
 */
public record Conclusions(
        Route route,
        List<Deadline> deadlines,
        List<Escape> escapes,
        List<Permission> permissions,
        List<Guardrail> guardrails,
        List<Obligation> obligations,
        List<ChecklistItem> checklist,
        List<Flag> flags) {

    public Conclusions {
        deadlines = List.copyOf(deadlines);
        escapes = List.copyOf(escapes);
        permissions = List.copyOf(permissions);
        guardrails = List.copyOf(guardrails);
        obligations = List.copyOf(obligations);
        checklist = List.copyOf(checklist);
        flags = List.copyOf(flags);
    }
}
