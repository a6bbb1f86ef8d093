package dev.leeway.scheduling;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Runs a task on Spring's task scheduler with a fixed delay between runs, from the application's
 * start to its stop; with a delay of zero, never. A run that throws is logged and the next run goes
 * ahead: a scheduled task that throws is otherwise never run again.
 */
public final class FixedDelayPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FixedDelayPolling.class);

    private final TaskScheduler scheduler;
    private final Runnable task;
    private final Duration firstAfter;
    private final Duration every;
    private final String failure;
    private volatile ScheduledFuture<?> polling;

    /**
     * @param firstAfter how long after start the first run comes
     * @param failure what the log says when a run throws, e.g. "Could not deliver due webhooks"
     */
    public FixedDelayPolling(TaskScheduler scheduler, Runnable task, Duration firstAfter, Duration every,
            String failure) {
        this.scheduler = scheduler;
        this.task = task;
        this.firstAfter = firstAfter;
        this.every = every;
        this.failure = failure;
    }

    private void runQuietly() {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn(failure, e);
        }
    }

    @Override
    public synchronized void start() {
        if (polling == null && !every.isZero() && !every.isNegative()) {
            polling = scheduler.scheduleWithFixedDelay(this::runQuietly, scheduler.getClock().instant().plus(firstAfter),
                    every);
        }
    }

    @Override
    public synchronized void stop() {
        if (polling != null) {
            polling.cancel(false);
            polling = null;
        }
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }
}
