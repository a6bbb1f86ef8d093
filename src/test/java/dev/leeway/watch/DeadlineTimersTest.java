package dev.leeway.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.decision.Deadline;
import dev.leeway.decision.DeadlineClock;
import dev.leeway.decision.DeadlineWarning;
import dev.leeway.decision.Decision;
import dev.leeway.decision.EscalationLevel;
import dev.leeway.decision.Route;
import dev.leeway.event.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deadlines with warnings and escalation levels, as the deadline contract describes them: the
 * watch waits for the earliest one not reached on a running clock, leaves paused clocks alone, and
 * tells of each warning and level once, when it is newly reached.
 */
class DeadlineTimersTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant DUE = NOW.plus(Duration.ofHours(4));

    private static Deadline deadline(DeadlineClock clock, boolean passed, List<DeadlineWarning> warnings,
            List<EscalationLevel> levels) {
        return new Deadline("RESOLUTION", DUE, passed, "MANAGER", "a rule", null, clock, 0, 240, warnings, levels);
    }

    private static Decision decision(Instant at, Route route, Deadline... deadlines) {
        return new Decision(UUID.randomUUID(), "C-1", at, null, route, List.of(deadlines), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), null, List.of(), false);
    }

    @Test
    void theEarliestWarningOrLevelNotReachedOnARunningClockIsNext() {
        Instant warning = NOW.plus(Duration.ofHours(2));
        Instant level = DUE.plus(Duration.ofHours(2));
        NextEvaluation next = NextEvaluation.after(decision(NOW, null, deadline(DeadlineClock.RUNNING, false,
                List.of(new DeadlineWarning(50, warning, false), new DeadlineWarning(25, NOW.minusSeconds(1), true)),
                List.of(new EscalationLevel(150, "DIRECTOR", level, false)))));

        assertThat(next.at()).isEqualTo(warning);
        assertThat(next.brings()).containsExactly(
                new ExpectedEvent("deadline.warning", "RESOLUTION", warning, 50, null, null));
    }

    @Test
    void aPausedClockSetsNoTimer() {
        NextEvaluation next = NextEvaluation.after(decision(NOW, null, deadline(DeadlineClock.PAUSED, false,
                List.of(new DeadlineWarning(50, NOW.plusSeconds(60), false)),
                List.of(new EscalationLevel(100, "MANAGER", DUE, false)))));

        assertThat(next).isEqualTo(NextEvaluation.NONE);
    }

    @Test
    void aWarningNotCountedReachedAtItsVeryInstantIsLookedAtAMillisecondLater() {
        Instant warning = NOW;
        NextEvaluation next = NextEvaluation.after(decision(NOW, null, deadline(DeadlineClock.RUNNING, false,
                List.of(new DeadlineWarning(50, warning, false)), List.of())));

        assertThat(next.at()).isEqualTo(NOW.plusMillis(1));
    }

    @Test
    void aWarningAndALevelNewlyReachedAreToldOnceAndALevelAndTheRouteToTheSameRoleAreOneEscalation() {
        Decision before = decision(NOW, new Route("FIRST_LINE", "AGENT", null, false, "routing"),
                deadline(DeadlineClock.RUNNING, false, List.of(new DeadlineWarning(50, NOW.plusSeconds(10), false)),
                        List.of(new EscalationLevel(100, "MANAGER", DUE, false))));
        Instant later = DUE.plusSeconds(1);
        Decision after = decision(later, new Route("MANAGER", "MANAGER", null, true, "escalation"),
                deadline(DeadlineClock.RUNNING, true, List.of(new DeadlineWarning(50, NOW.plusSeconds(10), true)),
                        List.of(new EscalationLevel(100, "MANAGER", DUE, true))));

        List<CaseChanges.Change> changes = CaseChanges.between(before, after);

        assertThat(changes).extracting(CaseChanges.Change::type).containsExactly(EventType.DEADLINE_WARNING,
                EventType.DEADLINE_BREACHED, EventType.CASE_ESCALATED);
        assertThat(changes.get(2).data().percent()).isEqualTo(100);
        assertThat(changes.get(2).data().escalateTo()).isEqualTo("MANAGER");
        assertThat(CaseChanges.between(after, decision(later.plusSeconds(60), after.route(), after.deadlines().get(0))))
                .as("nothing new a minute later").isEmpty();
    }
}
