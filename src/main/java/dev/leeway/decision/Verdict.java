package dev.leeway.decision;

import java.util.List;

/**
 * The yes/no answer to the actor's request.
 *
 * @param conditions what must happen for the action to stand, e.g. {@code APPROVAL:TEAM_LEAD}
 * @param because the rules (permission, escape, guardrail) that decided it, or why nothing did
 */
public record Verdict(boolean allowed, List<String> conditions, List<String> because) {}
