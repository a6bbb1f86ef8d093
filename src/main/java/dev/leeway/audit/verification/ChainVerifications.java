package dev.leeway.audit.verification;

import dev.leeway.audit.AuditStore;
import dev.leeway.audit.ChainAnchor;
import dev.leeway.audit.ChainVerification;
import dev.leeway.audit.WalkProgress;
import dev.leeway.audit.verification.VerificationRun.Status;
import dev.leeway.audit.verification.VerificationRun.Trigger;
import dev.leeway.decision.DecisionIds;
import dev.leeway.rules.InstanceProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Walks the audit chain, on the caller's thread or in the background, and keeps every walk in
 * {@code chain_verification}: a walk of millions of records takes minutes, longer than a proxy
 * or a client waits for one answer, so auditors start it, come back, and see how far it has come.
 * A broken chain is logged as an error, and {@code leeway.audit.chain.intact} says whether the
 * latest finished walk found it intact (1), broken (0), or no walk has finished yet (NaN).
 */
@Component
public class ChainVerifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChainVerifications.class);
    /** Well within {@link VerificationRuns#ABANDONED_AFTER}, so that a live walk never looks abandoned. */
    private static final Duration PROGRESS_SAVED_EVERY = Duration.ofSeconds(5);
    /** Each vouches for everything up to its head; more of them narrow down where a rewrite began. */
    private static final int EARLIER_WALKS_CHECKED = 100;
    /**
     * Walks queued or running on one instance, on its background thread or on callers' threads.
     * A walk given an anchor always starts, so without a limit walks asked for faster than they end
     * would pile up, each a full read of the log.
     */
    static final int MOST_WALKS_AT_ONCE = 4;

    private final AuditStore store;
    private final VerificationRuns runs;
    private final DecisionIds ids;
    private final InstanceProperties instance;
    private final Clock clock;
    /** The walks this instance is making or about to make, by id, with how far each has come. */
    private final Map<String, Progress> walking = new ConcurrentHashMap<>();
    private final TaskScheduler scheduler;
    /**
     * Walks take minutes and must be interrupted when the instance stops, so they get a thread of
     * their own rather than one of the shared scheduler's.
     */
    private volatile ExecutorService background;
    private volatile ScheduledFuture<?> progressSaver;

    public ChainVerifications(AuditStore store, VerificationRuns runs, DecisionIds ids, InstanceProperties instance,
            Clock clock, MeterRegistry meters, TaskScheduler scheduler) {
        this.store = store;
        this.runs = runs;
        this.ids = ids;
        this.instance = instance;
        this.clock = clock;
        this.scheduler = scheduler;
        Gauge.builder("leeway.audit.chain.intact", this, ChainVerifications::latestFinding)
                .description("1 when the latest finished walk of the audit chain found it intact, 0 when it found a break")
                .register(meters);
    }

    /**
     * Starts a walk in the background and returns it as it begins, unless a walk is running already,
     * on this instance or another sharing the database: then that one is returned. A walk given an
     * anchor of the caller's own always starts, since a running one would not check it.
     *
     * @param requestedBy the authenticated caller that asks; null for the schedule
     * @param given an anchor the caller kept, if any
     * @throws TooManyWalksException when this instance has as many walks as it takes at once
     */
    public synchronized VerificationRun start(Trigger trigger, String requestedBy, Optional<ChainAnchor> given) {
        Optional<VerificationRun> running = given.isEmpty() ? runs.running() : Optional.empty();
        if (running.isPresent()) {
            return running.get();
        }
        if (background == null) {
            throw new IllegalStateException("chain verifications have stopped with the instance");
        }
        VerificationRun run = begin(trigger, requestedBy);
        background.execute(() -> walkRecordingFailure(run.verificationId(), given));
        return run;
    }

    /**
     * Walks the chain on the caller's thread and returns what it found; the walk is kept like any other.
     *
     * @param requestedBy the authenticated caller that asks
     * @param given an anchor the caller kept, if any
     * @throws TooManyWalksException when this instance has as many walks as it takes at once
     */
    public ChainVerification verifyNow(String requestedBy, Optional<ChainAnchor> given) {
        return walk(begin(Trigger.REQUEST, requestedBy).verificationId(), given);
    }

    /**
     * Kept as running from here, also while it waits behind another walk, so that it does not look abandoned.
     *
     * @throws TooManyWalksException when this instance has as many walks as it takes at once; nothing is kept
     */
    private synchronized VerificationRun begin(Trigger trigger, String requestedBy) {
        if (walking.size() >= MOST_WALKS_AT_ONCE) {
            throw new TooManyWalksException(MOST_WALKS_AT_ONCE);
        }
        VerificationRun run = new VerificationRun(ids.next().toString(), trigger, requestedBy, instance.instanceName(),
                Status.RUNNING, clock.instant(), null, null, 0, null, null);
        runs.add(run);
        walking.put(run.verificationId(), new Progress());
        return run;
    }

    private void walkRecordingFailure(String verificationId, Optional<ChainAnchor> given) {
        try {
            walk(verificationId, given);
        } catch (RuntimeException alreadyRecorded) {
            // walk() has recorded the failure and logged its cause; nobody else waits for this one.
        }
    }

    /**
     * Earlier intact walks are checked as anchors too: a chain changed and hashed anew since one of
     * them no longer has the hash that walk saw at its head.
     */
    private ChainVerification walk(String verificationId, Optional<ChainAnchor> given) {
        // Absent only when the instance stopped as this walk began; it then has nobody to tell.
        Progress progress = walking.getOrDefault(verificationId, new Progress());
        try {
            List<ChainAnchor> anchors = new ArrayList<>(runs.anchors(EARLIER_WALKS_CHECKED));
            given.ifPresent(anchors::add);
            ChainVerification result = store.verify(anchors, progress);
            runs.finish(verificationId, result, progress.head());
            if (result.intact()) {
                // Also a witness outside the database, wherever the log is shipped.
                log.info("The audit chain is intact up to position {} with hash {}; verification {}",
                        result.head().position(), result.head().hash(), verificationId);
            } else {
                log.error("The audit chain is broken at position {} (record {}): {}; verification {}",
                        result.firstBreak().position(), result.firstBreak().recordId(), result.firstBreak().problem(),
                        verificationId);
            }
            return result;
        } catch (RuntimeException e) {
            log.warn("Verification {} stopped after {} records", verificationId, progress.recordsChecked.get(), e);
            try {
                runs.abandon(verificationId, Status.FAILED, "the walk stopped on an error after "
                        + progress.recordsChecked.get() + " records; the instance's log holds the cause");
            } catch (RuntimeException unsaved) {
                // Most likely the same database failure; what the caller needs is the first one.
                e.addSuppressed(unsaved);
            }
            throw e;
        } finally {
            walking.remove(verificationId);
        }
    }

    private void saveProgress() {
        walking.forEach((verificationId, progress) -> {
            try {
                runs.progress(verificationId, progress.recordsChecked.get(), progress.head());
            } catch (DataAccessException e) {
                log.warn("Could not save the progress of verification {}", verificationId, e);
            }
        });
    }

    private double latestFinding() {
        try {
            return runs.latestFinished().map(run -> run.result().intact() ? 1.0 : 0.0).orElse(Double.NaN);
        } catch (DataAccessException unreadable) {
            return Double.NaN;
        }
    }

    /**
     * A walk this instance left running when it was killed would otherwise look alive for a minute
     * more, and be handed to whoever asks for a walk meanwhile. Instance names must differ
     * ({@code leeway.instance-name}), or this would cut short another instance's walk.
     */
    @Override
    public synchronized void start() {
        runs.abandonRunningOn(instance.instanceName(), "the instance stopped before the walk ended, and restarted");
        background = Executors.newSingleThreadExecutor(daemonThreads("leeway-chain-verification-"));
        progressSaver = scheduler.scheduleWithFixedDelay(this::saveProgress,
                scheduler.getClock().instant().plus(PROGRESS_SAVED_EVERY), PROGRESS_SAVED_EVERY);
    }

    @Override
    public synchronized void stop() {
        progressSaver.cancel(false);
        // Said before the walk is interrupted, and while the database is still open: the walk itself
        // may only notice once the database closes, or may end without saying so.
        walking.keySet().forEach(this::interrupted);
        walking.clear();
        background.shutdownNow();
        background = null;
    }

    private void interrupted(String verificationId) {
        try {
            runs.abandon(verificationId, Status.INTERRUPTED, "the instance stopped before the walk ended");
        } catch (DataAccessException e) {
            // The walk then shows as interrupted once it has been silent for a minute, or at the next start.
            log.warn("Could not record that verification {} was interrupted", verificationId, e);
        }
    }

    @Override
    public boolean isRunning() {
        return background != null;
    }

    /** Ready before the web server takes requests, and before the schedule; stopped after both. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }

    /** Threads that do not keep the JVM alive on their own. */
    private static ThreadFactory daemonThreads(String namePrefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(namePrefix);
        threads.setDaemon(true);
        return threads;
    }

    /** How far one walk has come; read by the progress saver while the walk goes on. */
    private static final class Progress implements WalkProgress {

        final AtomicLong recordsChecked = new AtomicLong();
        /** Negative until the walk has read where the chain ends. */
        final AtomicLong headPosition = new AtomicLong(-1);

        /** Null until the walk has read where the chain ends. */
        Long head() {
            long head = headPosition.get();
            return head < 0 ? null : head;
        }

        @Override
        public void walked(long checked, long head) {
            recordsChecked.set(checked);
            headPosition.set(head);
        }
    }
}
