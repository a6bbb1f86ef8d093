package dev.leeway.decision;

/**
 * Where the case should be now: the step and who should hold it.
 *
 * @param escalated whether the route moved the case up because a deadline passed or a condition holds
 * @param because the name of the rule that chose this route
 */
public record Route(String step, String role, String team, boolean escalated, String because) {}
