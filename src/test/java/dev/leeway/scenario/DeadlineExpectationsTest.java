package dev.leeway.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leeway.decision.Deadline;
import dev.leeway.decision.DeadlineClock;
import dev.leeway.decision.DeadlineWarning;
import dev.leeway.decision.Decision;
import dev.leeway.decision.EscalationLevel;
import dev.leeway.decision.RuleSetRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A scenario can expect a deadline's clock, minutes, warnings and levels, and says how they differ. */
class DeadlineExpectationsTest {

    private static final Instant AT = Instant.parse("2026-11-24T11:00:00Z");
    private static final Deadline PAUSED_RESOLUTION = new Deadline("RESOLUTION", Instant.parse("2026-11-25T08:00:00Z"),
            false, "MANAGER", "a rule", "support-nl", DeadlineClock.PAUSED, 600, 360,
            List.of(new DeadlineWarning(75, Instant.parse("2026-11-24T14:30:00Z"), false)),
            List.of(new EscalationLevel(100, "MANAGER", Instant.parse("2026-11-25T08:00:00Z"), false)));

    @Test
    void matchingClockMinutesWarningsAndLevelsPass() {
        List<String> failures = failuresOf("""
                deadlines:
                  - kind: RESOLUTION
                    calendar: support-nl
                    clock: PAUSED
                    elapsedMinutes: 600
                    remainingMinutes: 360
                    warnings: [{ percent: 75, at: 2026-11-24T14:30:00Z, reached: false }]
                    levels: [{ percent: 100, escalateTo: MANAGER, reached: false }]
                """);

        assertThat(failures).isEmpty();
    }

    @Test
    void everyDifferenceInTheClockIsNamed() {
        List<String> failures = failuresOf("""
                deadlines:
                  - kind: RESOLUTION
                    clock: RUNNING
                    elapsedMinutes: 599
                    warnings: [{ percent: 75, reached: true }, { percent: 90 }]
                    levels: [{ percent: 150, escalateTo: MANAGER }]
                """);

        assertThat(failures).containsExactly(
                "RESOLUTION clock: expected RUNNING but was PAUSED",
                "RESOLUTION elapsedMinutes: expected 599 but was 600",
                "RESOLUTION warning at 75 % reached: expected true but was false",
                "expected a RESOLUTION warning at 90 % but the warnings were at [75]",
                "expected a RESOLUTION level at 150 % but the levels were at [100]");
    }

    @Test
    void misspeltClockFieldIsAnErrorInTheFile() {
        assertThatThrownBy(() -> failuresOf("""
                deadlines:
                  - { kind: RESOLUTION, elapsedMinute: 600 }
                """))
                .isInstanceOf(ScenarioFileException.class)
                .hasMessageContaining("elapsedMinute");
    }

    private static List<String> failuresOf(String expectation) {
        String file = """
                scenarios:
                  - name: a paused resolution clock
                    at: 2026-11-24T11:00:00Z
                    case: { id: C-1 }
                    expect:
                """ + expectation.indent(6);
        ScenarioFile parsed = ScenarioFiles.parse(new ScenarioSource("tests/clock.yaml", file));
        Decision decision = new Decision(UUID.randomUUID(), "C-1", AT, new RuleSetRef("sha256:x", AT), null,
                List.of(PAUSED_RESOLUTION), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
                List.of(), false);
        return new ScenarioRunner(request -> decision).run(parsed.path(), parsed.scenarios().get(0)).failures();
    }
}
