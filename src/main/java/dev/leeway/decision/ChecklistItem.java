package dev.leeway.decision;

/** One element that a complete answer for this kind of case contains. */
public record ChecklistItem(String item, String because) {}
