package dev.leeway.shadow;

import dev.leeway.decision.Decision;
import dev.leeway.decision.DecisionListener;
import dev.leeway.decision.DecisionRequest;
import dev.leeway.rules.ActiveRuleSet;
import dev.leeway.rules.CandidateChange;
import dev.leeway.rules.Deciders;
import dev.leeway.rules.ReloadOutcome;
import dev.leeway.rules.RuleSet;
import dev.leeway.rules.RuleSetCandidate;
import dev.leeway.rules.RuleSetLoader;
import dev.leeway.rules.RuleSetValidator;
import dev.leeway.rules.RulesProperties;
import dev.leeway.rules.Validation;
import dev.leeway.whatif.Change;
import dev.leeway.whatif.DecisionDiff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A candidate rule set that decides every live decision's request again, off the request path, so a
 * process owner sees what it would change before it serves. The request thread only offers to a
 * bounded queue; when it is full the request is dropped and counted rather than the answer delayed.
 * One shadow at a time, held by the instance that started it (it does not survive a restart).
 */
public class ShadowRuleSets implements DecisionListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ShadowRuleSets.class);

    private record Pending(RunningShadow shadow, DecisionRequest request, Decision decision) {}

    private final RuleSetValidator validator;
    private final Deciders deciders;
    private final RuleSetLoader loader;
    private final ActiveRuleSet active;
    private final RulesProperties rules;
    private final ShadowDifferenceTable differences;
    private final ShadowProperties properties;
    /** Null when {@code leeway.shadow.background} is off: only {@link #drain()} evaluates. */
    private final ThreadPoolTaskExecutor worker;
    private final MeterRegistry meters;
    private final Counter dropped;
    private final Clock clock;
    private final BlockingQueue<Pending> queue;
    private final AtomicReference<RunningShadow> current = new AtomicReference<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    ShadowRuleSets(RuleSetValidator validator, Deciders deciders, RuleSetLoader loader, ActiveRuleSet active,
            RulesProperties rules, ShadowDifferenceTable differences, ShadowProperties properties, ThreadPoolTaskExecutor worker,
            MeterRegistry meters, Clock clock) {
        this.validator = validator;
        this.deciders = deciders;
        this.loader = loader;
        this.active = active;
        this.rules = rules;
        this.differences = differences;
        this.properties = properties;
        this.worker = worker;
        this.meters = meters;
        this.dropped = Counter.builder("leeway.shadow.dropped")
                .description("Live decisions a shadow rule set never saw because its queue was full").register(meters);
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
    }

    /** On the request thread: never blocks, never throws at the caller. */
    @Override
    public void decided(DecisionRequest request, Decision decision) {
        RunningShadow shadow = current.get();
        if (shadow == null) {
            return;
        }
        if (!queue.offer(new Pending(shadow, request, decision))) {
            shadow.dropped.incrementAndGet();
            dropped.increment();
            return;
        }
        if (worker != null && draining.compareAndSet(false, true)) {
            try {
                worker.execute(this::drainInBackground);
            } catch (TaskRejectedException shuttingDown) {
                draining.set(false);
            }
        }
    }

    private void drainInBackground() {
        do {
            drain();
            draining.set(false);
            // An offer that came after the last poll but saw the flag still set is taken here.
        } while (!queue.isEmpty() && draining.compareAndSet(false, true));
    }

    /** Evaluates everything queued now, on the calling thread; returns how many were taken. */
    public int drain() {
        int taken = 0;
        for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
            evaluate(pending);
            taken++;
        }
        return taken;
    }

    private void evaluate(Pending pending) {
        RunningShadow shadow = pending.shadow();
        if (shadow != current.get()) {
            return; // promoted or discarded while this waited
        }
        List<Change> changes;
        try {
            Decision shadowed = shadow.decider.decide(pending.request().at(pending.decision().evaluatedAt()));
            changes = DecisionDiff.between(pending.decision(), shadowed);
        } catch (RuntimeException e) {
            shadow.failed.incrementAndGet();
            log.debug("Shadow rule set {} could not decide {}", shadow.version(), pending.decision().decisionId(), e);
            return;
        }
        shadow.evaluated.incrementAndGet();
        if (changes.isEmpty()) {
            return;
        }
        shadow.differed.incrementAndGet();
        changes.forEach(change -> meters.counter("leeway.shadow.differences", "aspect", change.aspect()).increment());
        if (shadow.stored.incrementAndGet() <= properties.maxDifferences()) {
            try {
                differences.add(shadow.id, new ShadowDifference(pending.decision().decisionId(),
                        pending.decision().caseId(), pending.decision().evaluatedAt(), changes));
            } catch (RuntimeException e) {
                log.warn("Could not store a difference of shadow rule set {}", shadow.version(), e);
            }
        }
    }

    /**
     * Validates the change on top of the rules directory, as a reload would, and starts shadowing
     * with it; the rules history records the start.
     */
    public synchronized ShadowStatus start(CandidateChange change, String requestedBy) {
        RunningShadow running = current.get();
        if (running != null) {
            throw new ShadowProblems.Conflict("Shadow rule set " + running.version()
                    + " is running; promote or discard it before starting another.", running.version());
        }
        RuleSet serving = active.require();
        Validation validation = validator.validate(change.applyTo(RuleSetCandidate.fromDirectory(rules.directory())));
        if (!validation.valid()) {
            throw new ShadowProblems.Rejected("The candidate may not shadow", serving.version(), validation.version(),
                    validation.problems());
        }
        RunningShadow shadow = new RunningShadow(validation.ruleSet(), deciders.on(validation.ruleSet()), change,
                clock.instant(), requestedBy);
        loader.recordShadow("shadow-started", shadow.version(), requestedBy);
        current.set(shadow);
        log.info("Shadow rule set {} started beside {}", shadow.version(), serving.version());
        return status();
    }

    public ShadowStatus status() {
        return require().status(active.current().map(RuleSet::version).orElse(null), queue.size());
    }

    public ShadowDifferencePage differences(String cursor, int limit) {
        return differences.page(require().id, cursor, limit);
    }

    /** Ends the shadow; the history records the discard. Returns its figures as they were at the end. */
    public synchronized ShadowStatus discard(String requestedBy) {
        RunningShadow shadow = require();
        ShadowStatus last = status();
        loader.recordShadow("shadow-discarded", shadow.version(), requestedBy);
        end(shadow);
        log.info("Shadow rule set {} discarded", shadow.version());
        return last;
    }

    /**
     * Makes the shadow serve: its change is written into the rules directory (which stays the source
     * of truth for file-watch reloads and restarts) and loaded as any reload is, validated again,
     * recorded with the trigger {@code shadow-promoted}. If the directory changed since the shadow
     * started, the change would now make another set than the one shadowed, and promotion is refused.
     */
    public synchronized ReloadOutcome promote(String requestedBy) {
        RunningShadow shadow = require();
        RuleSetCandidate base = RuleSetCandidate.fromDirectory(rules.directory());
        String wouldServe = shadow.change.applyTo(base).version();
        if (!wouldServe.equals(shadow.version())) {
            throw new ShadowProblems.Conflict("The rules directory changed since shadow rule set " + shadow.version()
                    + " started: its change would now make " + wouldServe + ", which was not shadowed. Discard it "
                    + "and start a new shadow.", shadow.version());
        }
        RulesDirectoryEdit edit = RulesDirectoryEdit.apply(rules.directory(), shadow.change, base);
        ReloadOutcome outcome = loader.reload("shadow-promoted", requestedBy);
        if (outcome.rejected()) {
            edit.undo();
            throw new ShadowProblems.Rejected("The shadow was not promoted and its files were taken out of the rules "
                    + "directory again", outcome.activeVersion(), outcome.candidateVersion(), outcome.problems());
        }
        end(shadow);
        log.info("Shadow rule set {} promoted", shadow.version());
        return outcome;
    }

    private void end(RunningShadow shadow) {
        current.compareAndSet(shadow, null);
        queue.clear();
        differences.deleteRun(shadow.id);
    }

    /** The worker is this shadow's alone (not a bean, so Spring's own application executor stays as it is). */
    @Override
    public void destroy() {
        if (worker != null) {
            worker.shutdown();
        }
    }

    private RunningShadow require() {
        RunningShadow shadow = current.get();
        if (shadow == null) {
            throw new ShadowProblems.NoShadow();
        }
        return shadow;
    }
}
