package dev.leeway.whatif;

import dev.leeway.audit.DecisionFilter;
import dev.leeway.decision.Decider;
import dev.leeway.decision.DecisionIds;
import dev.leeway.rules.Deciders;
import dev.leeway.rules.InstanceProperties;
import dev.leeway.whatif.SimulationRun.Status;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays the decisions recorded in a window through a candidate in the background, on Spring's
 * task executor: a window of a million decisions takes far longer than a client waits. Each page
 * read saves the totals and the changes found so far in one transaction, so what any instance
 * answers about a run agrees with what its export holds; memory holds one page of outcomes.
 */
@Component
public class BackgroundSimulations implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundSimulations.class);

    private final Simulator simulator;
    private final RecordedWindow window;
    private final RecordedDecisionReplay recorded;
    private final Deciders deciders;
    private final SimulationRuns runs;
    private final SimulationChanges changes;
    private final SimulationProperties properties;
    private final TransactionTemplate transactions;
    private final TaskExecutor executor;
    private final DecisionIds ids;
    private final InstanceProperties instance;
    private final Clock clock;
    /** The replays this instance is making, by id; each is told here when to stop. */
    private final Map<String, Replaying> replaying = new ConcurrentHashMap<>();
    private volatile boolean running;

    BackgroundSimulations(Simulator simulator, RecordedWindow window, RecordedDecisionReplay recorded,
            Deciders deciders, SimulationRuns runs, SimulationChanges changes, SimulationProperties properties,
            TransactionTemplate transactions, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            DecisionIds ids, InstanceProperties instance, Clock clock) {
        this.simulator = simulator;
        this.window = window;
        this.recorded = recorded;
        this.deciders = deciders;
        this.runs = runs;
        this.changes = changes;
        this.properties = properties;
        this.transactions = transactions;
        this.executor = executor;
        this.ids = ids;
        this.instance = instance;
        this.clock = clock;
    }

    /**
     * Compiles the candidate on the caller's thread, so that one that does not compile is refused
     * at once, then starts the replay and returns the run as it begins.
     *
     * @param request a replay of the log: {@link SimulationRequest#requireOneSource()} has passed
     * @throws TooManySimulationsException when this instance runs as many as it takes at once
     */
    SimulationRun start(SimulationRequest request, String requestedBy) {
        CompiledCandidate candidate = simulator.compile(request.change());
        SimulationRun run;
        Replaying replay = new Replaying();
        synchronized (this) {
            if (!running) {
                throw new IllegalStateException("simulations have stopped with the instance");
            }
            if (replaying.size() >= properties.mostAtOnce()) {
                throw new TooManySimulationsException(properties.mostAtOnce());
            }
            run = new SimulationRun(ids.next().toString(), requestedBy, instance.instanceName(), Status.RUNNING,
                    clock.instant(), null, new SimulationRun.Window(request.from(), request.to(), request.caseId(),
                            request.rule(), request.escape()),
                    candidate.version(), candidate.problems(), 0,
                    new SimulationReport.Totals(0, 0, 0, 0, Map.of()), List.of(), null);
            runs.add(run);
            replaying.put(run.simulationId(), replay);
        }
        String simulationId = run.simulationId();
        executor.execute(() -> replay(simulationId, request.recorded(), deciders.on(candidate.ruleSet()), replay));
        return run;
    }

    /**
     * Asks a running simulation to stop: on this instance it stops before its next record; on
     * another, when it next saves its progress. What it replayed until then is kept.
     */
    Optional<SimulationRun> cancel(String simulationId) {
        Replaying replay = replaying.get(simulationId);
        if (replay != null) {
            replay.stop(Status.CANCELLED);
        } else {
            runs.end(simulationId, Status.CANCELLED, null);
        }
        return runs.find(simulationId);
    }

    private void replay(String simulationId, DecisionFilter filter, Decider candidate, Replaying replay) {
        SimulationTally tally = new SimulationTally(0);
        List<SimulationReport.CaseOutcome> worthKeeping = new ArrayList<>();
        long[] kept = {0};
        Runnable save = () -> {
            boolean stillRunning = Boolean.TRUE.equals(transactions.execute(status -> {
                changes.add(simulationId, kept[0], worthKeeping);
                return runs.progress(simulationId, replay.recordsRead, tally.totals());
            }));
            kept[0] += worthKeeping.size();
            worthKeeping.clear();
            if (!stillRunning) {
                replay.stop(Status.CANCELLED);
            }
        };
        try {
            window.forEach(filter, properties.pageSize(), replay::goOn, stored -> {
                SimulationReport.CaseOutcome outcome = recorded.replay(stored, candidate);
                tally.add(outcome);
                replay.recordsRead++;
                if (outcome.changed() || outcome.failed()) {
                    worthKeeping.add(outcome);
                }
            }, save);
            if (!worthKeeping.isEmpty() || replay.stoppedAs() != null) {
                save.run();
            }
            Status ended = replay.stoppedAs() == null ? Status.FINISHED : replay.stoppedAs();
            runs.end(simulationId, ended, ended == Status.INTERRUPTED ? "the instance stopped before the simulation ended" : null);
        } catch (RuntimeException e) {
            log.warn("Simulation {} stopped after {} records", simulationId, replay.recordsRead, e);
            try {
                runs.end(simulationId, Status.FAILED, "the replay stopped on an error after " + replay.recordsRead
                        + " records; the instance's log holds the cause");
            } catch (DataAccessException unsaved) {
                log.warn("Could not record that simulation {} failed", simulationId, unsaved);
            }
        } finally {
            replaying.remove(simulationId);
        }
    }

    /** A simulation this instance left running when it was killed would otherwise show as running for ever. */
    @Override
    public synchronized void start() {
        runs.interruptRunningOn(instance.instanceName(), "the instance stopped before the simulation ended, and restarted");
        running = true;
    }

    /** Said while the database is still open; each replay stops before its next record. */
    @Override
    public synchronized void stop() {
        running = false;
        replaying.forEach((simulationId, replay) -> {
            replay.stop(Status.INTERRUPTED);
            try {
                runs.end(simulationId, Status.INTERRUPTED, "the instance stopped before the simulation ended");
            } catch (DataAccessException e) {
                log.warn("Could not record that simulation {} was interrupted", simulationId, e);
            }
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Ready before the web server takes requests; stopped after it. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }

    /** One replay's progress, and whether and why it was told to stop. */
    private static final class Replaying {

        volatile long recordsRead;
        private volatile Status stoppedAs;

        void stop(Status why) {
            if (stoppedAs == null) {
                stoppedAs = why;
            }
        }

        Status stoppedAs() {
            return stoppedAs;
        }

        boolean goOn() {
            return stoppedAs == null;
        }
    }
}
