package dev.leeway.decision;

/** Who looks at an escape after it was used, so that no escape is silent. */
public record Review(String by, String when) {}
