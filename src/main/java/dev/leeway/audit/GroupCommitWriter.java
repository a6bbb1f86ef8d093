package dev.leeway.audit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit without a writer thread: requests line up, and the one at the head of the line
 * commits everything waiting behind it in a single transaction, then hands the head to the next.
 * Each request still returns only once its own record is durable; under load, many records share
 * one commit. A request that finds nobody ahead of it commits at once, on its own thread: a
 * hand-off to a writer thread and back cost two wake-ups per commit, which on a busy machine took
 * longer than the commit itself.
 *
 * <p>Operators see how well that works in three metrics: {@code leeway.audit.batch.size} (records
 * per commit), {@code leeway.audit.commit} (time to append and commit a batch) and
 * {@code leeway.audit.queue} (records waiting in line).
 */
public class GroupCommitWriter {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    /** One request's record in the line; guarded by {@link #lock}. */
    private static final class Waiting {
        final AuditEntry entry;
        final Condition turn;
        boolean inBatch;
        boolean done;
        StoredRecord stored;
        RuntimeException failure;

        Waiting(AuditEntry entry, Condition turn) {
            this.entry = entry;
            this.turn = turn;
        }
    }

    private final AuditStore store;
    private final int maxBatch;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiting> line = new ArrayDeque<>();
    private final AtomicInteger lineLength = new AtomicInteger();
    private final DistributionSummary batchSizes;
    private final Timer commits;

    public GroupCommitWriter(AuditStore store, int maxBatch, MeterRegistry meters) {
        this.store = store;
        this.maxBatch = maxBatch;
        this.batchSizes = DistributionSummary.builder("leeway.audit.batch.size")
                .description("audit records appended in one commit").baseUnit("records").register(meters);
        this.commits = Timer.builder("leeway.audit.commit")
                .description("time to append and commit one batch of audit records").register(meters);
        Gauge.builder("leeway.audit.queue", lineLength, AtomicInteger::get)
                .description("audit records waiting to be committed").baseUnit("records").register(meters);
    }

    /**
     * Appends the entry and returns once it is committed.
     *
     * @throws TimeoutException if it was not taken into a commit within the timeout; it is then not recorded
     * @throws RuntimeException what the store threw if the commit that carried it failed
     */
    public StoredRecord append(AuditEntry entry, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            Waiting mine = new Waiting(entry, lock.newCondition());
            line.addLast(mine);
            lineLength.incrementAndGet();
            while (!mine.done && line.peekFirst() != mine) {
                awaitTurn(mine, deadline);
            }
            if (!mine.done) {
                commitFromHeadOfLine();
            }
            if (mine.failure != null) {
                throw mine.failure;
            }
            return mine.stored;
        } finally {
            lock.unlock();
        }
    }

    private void awaitTurn(Waiting mine, long deadline) throws InterruptedException, TimeoutException {
        long left = deadline - System.nanoTime();
        if (mine.inBatch) {
            // Already being committed by the head of the line: the outcome is coming, whatever the clock says.
            mine.turn.await();
            return;
        }
        if (left <= 0) {
            leaveLine(mine);
            throw new TimeoutException("no commit took the audit record within the write timeout");
        }
        try {
            mine.turn.awaitNanos(left);
        } catch (InterruptedException e) {
            if (!mine.inBatch) {
                leaveLine(mine);
            }
            throw e;
        }
    }

    private void leaveLine(Waiting mine) {
        // Never the head (the head commits rather than waits), so the line's order is untouched.
        if (line.remove(mine)) {
            lineLength.decrementAndGet();
        }
    }

    /** Runs with the lock held, at the head of the line; lets others join the line while the commit runs. */
    private void commitFromHeadOfLine() {
        List<Waiting> batch = new ArrayList<>(Math.min(line.size(), maxBatch));
        for (Iterator<Waiting> waiting = line.iterator(); waiting.hasNext() && batch.size() < maxBatch; ) {
            Waiting next = waiting.next();
            next.inBatch = true;
            batch.add(next);
        }
        List<AuditEntry> entries = batch.stream().map(waiting -> waiting.entry).toList();
        List<StoredRecord> stored = null;
        RuntimeException failure = null;
        lock.unlock();
        try {
            batchSizes.record(entries.size());
            Timer.Sample timing = Timer.start();
            stored = store.append(entries);
            timing.stop(commits);
        } catch (RuntimeException e) {
            log.error("Could not record {} audit record(s); their requests fail", entries.size(), e);
            failure = e;
        } finally {
            lock.lock();
        }
        for (int i = 0; i < batch.size(); i++) {
            Waiting committed = line.pollFirst();
            lineLength.decrementAndGet();
            committed.stored = stored == null ? null : stored.get(i);
            committed.failure = failure;
            committed.done = true;
            committed.turn.signal();
        }
        Waiting nextHead = line.peekFirst();
        if (nextHead != null) {
            nextHead.turn.signal();
        }
    }
}
