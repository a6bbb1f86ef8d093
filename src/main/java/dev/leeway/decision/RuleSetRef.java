package dev.leeway.decision;

import java.time.Instant;

/** Which rule set produced a decision: its content hash ({@code sha256:…}) and when it was loaded. */
public record RuleSetRef(String version, Instant loadedAt) {}
