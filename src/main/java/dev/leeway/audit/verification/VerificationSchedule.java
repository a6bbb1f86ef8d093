package dev.leeway.audit.verification;

import dev.leeway.audit.AuditProperties;
import dev.leeway.audit.verification.VerificationRun.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Walks the chain when {@code leeway.audit.verify-every} has passed since the latest walk, so that
 * tampering comes to light without anyone asking. The latest walk is read from the database, so
 * instances sharing it take turns instead of each walking the chain on its own schedule. Where no
 * walk was ever made, the interval counts from this instance's start: an upgrade does not set off
 * a walk of a large log the minute it is deployed.
 */
@Component
class VerificationSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VerificationSchedule.class);
    private static final Duration LONGEST_CHECK_INTERVAL = Duration.ofMinutes(1);

    private final ChainVerifications verifications;
    private final VerificationRuns runs;
    private final Duration every;
    private final Clock clock;
    private final TaskScheduler scheduler;
    private volatile ScheduledFuture<?> checks;
    private volatile Instant started;

    VerificationSchedule(ChainVerifications verifications, VerificationRuns runs, AuditProperties properties, Clock clock,
            TaskScheduler scheduler) {
        this.verifications = verifications;
        this.runs = runs;
        this.every = properties.verifyEvery();
        this.clock = clock;
        this.scheduler = scheduler;
    }

    private void verifyIfDue() {
        try {
            Instant latest = runs.latestStart().orElse(started);
            if (!latest.plus(every).isAfter(clock.instant())) {
                verifications.start(Trigger.SCHEDULE, null, Optional.empty());
            }
        } catch (RuntimeException e) {
            // The next check tries again; a timer task that throws would never run again.
            log.warn("Could not start the scheduled verification of the audit chain", e);
        }
    }

    @Override
    public synchronized void start() {
        if (every.isZero() || every.isNegative()) {
            return;
        }
        started = clock.instant();
        // Checked several times per interval, so a walk starts soon after it is due.
        Duration check = Duration.ofMillis(Math.max(1, Math.min(every.toMillis() / 4, LONGEST_CHECK_INTERVAL.toMillis())));
        checks = scheduler.scheduleWithFixedDelay(this::verifyIfDue, scheduler.getClock().instant().plus(check), check);
    }

    @Override
    public synchronized void stop() {
        if (checks != null) {
            checks.cancel(false);
            checks = null;
        }
    }

    @Override
    public boolean isRunning() {
        return checks != null;
    }
}
