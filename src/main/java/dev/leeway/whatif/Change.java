package dev.leeway.whatif;

/**
 * One aspect of a decision that a candidate rule set would answer differently.
 *
 * @param aspect {@code route}, {@code deadlines}, {@code escapes}, {@code verdict} or {@code obligations}
 */
public record Change(String aspect, String before, String after) {}
