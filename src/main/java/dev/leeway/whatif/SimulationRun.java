package dev.leeway.whatif;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.leeway.rules.RuleProblem;
import java.time.Instant;
import java.util.List;

/**
 * One background simulation on recorded decisions, while it runs and after: what it replays, how
 * far it has come, and what would change so far.
 *
 * @param simulationId time-ordered (UUIDv7)
 * @param requestedBy the authenticated caller that started it
 * @param instance the service instance that replays
 * @param window the recorded decisions replayed
 * @param recordsRead how many recorded decisions it has read, each replayed or failed
 * @param totals what would change among those read so far
 * @param samples the first cases that changed or failed; {@code changes} exports them all
 * @param failure why it did not finish; present when it is {@code FAILED} or {@code INTERRUPTED}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimulationRun(
        String simulationId,
        String requestedBy,
        String instance,
        Status status,
        Instant startedAt,
        Instant finishedAt,
        Window window,
        String candidateVersion,
        List<RuleProblem> candidateProblems,
        long recordsRead,
        SimulationReport.Totals totals,
        List<SimulationReport.CaseOutcome> samples,
        String failure) {

    /** The recorded decisions a simulation replays: those recorded in [from, to), narrowed as given. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Window(Instant from, Instant to, String caseId, String rule, String escape) {}

    /** Where a simulation stands. */
    public enum Status {
        RUNNING,
        /** Every recorded decision of the window was replayed. */
        FINISHED,
        /** Someone cancelled it; what it replayed until then is kept. */
        CANCELLED,
        /** It stopped on an error, such as a database that stopped answering. */
        FAILED,
        /** The instance that replayed stopped before the simulation ended. */
        INTERRUPTED
    }

    SimulationRun withSamples(List<SimulationReport.CaseOutcome> found) {
        return new SimulationRun(simulationId, requestedBy, instance, status, startedAt, finishedAt, window,
                candidateVersion, candidateProblems, recordsRead, totals, found, failure);
    }
}
