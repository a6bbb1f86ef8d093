package dev.leeway.decision;

import java.time.Instant;

/** Something that must happen, with who owns it and by when. */
public record Obligation(String kind, String owner, Instant due, String description, String because) {}
