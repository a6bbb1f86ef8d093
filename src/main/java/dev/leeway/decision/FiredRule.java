package dev.leeway.decision;

/** One rule firing, in the order the engine fired them. */
public record FiredRule(int order, String rule, String id, String file) {}
