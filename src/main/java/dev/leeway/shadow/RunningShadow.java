package dev.leeway.shadow;

import dev.leeway.decision.Decider;
import dev.leeway.rules.CandidateChange;
import dev.leeway.rules.RuleSet;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** One shadow run: the set, the change that made it (for promotion) and what it has counted so far. */
final class RunningShadow {

    final String id = UUID.randomUUID().toString();
    final RuleSet ruleSet;
    final Decider decider;
    final CandidateChange change;
    final Instant since;
    final String startedBy;
    final AtomicLong evaluated = new AtomicLong();
    final AtomicLong differed = new AtomicLong();
    final AtomicLong stored = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    RunningShadow(RuleSet ruleSet, Decider decider, CandidateChange change, Instant since, String startedBy) {
        this.ruleSet = ruleSet;
        this.decider = decider;
        this.change = change;
        this.since = since;
        this.startedBy = startedBy;
    }

    String version() {
        return ruleSet.version();
    }

    ShadowStatus status(String activeVersion, int queued) {
        return new ShadowStatus(version(), activeVersion, since, startedBy, evaluated.get(), differed.get(),
                dropped.get(), failed.get(), queued);
    }
}
