package dev.leeway.rules;

import java.time.Instant;
import java.util.List;

/** The last candidate that was refused, and why; it stands until a candidate is accepted. */
public record Rejection(String version, Instant at, String trigger, List<RuleProblem> problems) {

    public Rejection {
        problems = List.copyOf(problems);
    }
}
