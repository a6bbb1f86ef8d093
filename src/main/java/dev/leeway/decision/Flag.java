package dev.leeway.decision;

/** A marker for people outside the case, e.g. {@code LEARNING} for problem management. */
public record Flag(String flag, String reason, String because) {}
