package dev.leeway.watch;

import dev.leeway.decision.Deadline;
import dev.leeway.decision.DeadlineClock;
import dev.leeway.decision.DeadlineWarning;
import dev.leeway.decision.Decision;
import dev.leeway.decision.EscalationLevel;
import dev.leeway.decision.Obligation;
import dev.leeway.event.EventType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The next instant at which a decision would change by time alone, and what it is expected to bring:
 * the earliest due time, warning or level of a running deadline not yet reached, or obligation not
 * yet due, after the evaluation instant, to the millisecond timers keep. Paused clocks are left
 * alone: their instants are what would be if they ran again, which only a change of the case can
 * make true.
 *
 * @param at null when nothing changes by itself
 */
public record NextEvaluation(Instant at, List<ExpectedEvent> brings) {

    public static final NextEvaluation NONE = new NextEvaluation(null, List.of());

    public NextEvaluation {
        brings = List.copyOf(brings);
    }

    /** An expected event and the instant a timer decides the case to bring it. */
    private record Upcoming(Instant timer, ExpectedEvent event) {}

    public static NextEvaluation after(Decision decision) {
        Instant now = decision.evaluatedAt();
        List<Upcoming> upcoming = new ArrayList<>();
        for (Deadline deadline : decision.deadlines()) {
            if (deadline.clock() == DeadlineClock.PAUSED) {
                continue;
            }
            if (!deadline.passed() && deadline.due() != null) {
                add(upcoming, now, reachable(deadline.due(), now), new ExpectedEvent(
                        EventType.DEADLINE_BREACHED.wireName(), deadline.kind(), deadline.due(), null,
                        deadline.escalateTo(), null));
            }
            for (DeadlineWarning warning : deadline.warnings()) {
                if (!warning.reached() && warning.at() != null) {
                    add(upcoming, now, reachable(warning.at(), now), new ExpectedEvent(
                            EventType.DEADLINE_WARNING.wireName(), deadline.kind(), warning.at(), warning.percent(), null,
                            null));
                }
            }
            for (EscalationLevel level : deadline.levels()) {
                if (!level.reached() && level.at() != null) {
                    add(upcoming, now, reachable(level.at(), now), new ExpectedEvent(
                            EventType.CASE_ESCALATED.wireName(), deadline.kind(), level.at(), level.percent(),
                            level.escalateTo(), null));
                }
            }
        }
        for (Obligation obligation : decision.obligations()) {
            // An obligation is due from its due instant on.
            if (obligation.due() != null) {
                add(upcoming, now, ceilToMillis(obligation.due()), new ExpectedEvent(EventType.OBLIGATION_DUE.wireName(),
                        obligation.kind(), obligation.due(), null, null, obligation.owner()));
            }
        }
        Instant next = upcoming.stream().map(Upcoming::timer).min(Comparator.naturalOrder()).orElse(null);
        if (next == null) {
            return NONE;
        }
        return new NextEvaluation(next, upcoming.stream().filter(u -> u.timer().equals(next)).map(Upcoming::event)
                .toList());
    }

    private static void add(List<Upcoming> upcoming, Instant now, Instant timer, ExpectedEvent event) {
        if (timer.isAfter(now)) {
            upcoming.add(new Upcoming(timer, event));
        }
    }

    /**
     * Timers keep milliseconds, so an instant is rounded up to one: deciding then finds the deadline,
     * warning or level reached rather than a hair before it. One not reached at the very instant decided (rules
     * that count it reached only after its instant) is reached a millisecond later.
     */
    private static Instant reachable(Instant at, Instant now) {
        Instant when = ceilToMillis(at);
        return when.equals(now) ? now.plusMillis(1) : when;
    }

    static Instant ceilToMillis(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MILLIS);
        return truncated.equals(instant) ? instant : truncated.plusMillis(1);
    }
}
