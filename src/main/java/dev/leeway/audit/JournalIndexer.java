package dev.leeway.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On an H2 file database, adds records the journal already holds to the database, on one thread,
 * many per transaction. A decision is durable once it is in the journal; putting it into the
 * database (its indexes, the chain head) does not have to hold up the answer.
 *
 * <p>Under load, requests hand records over without waking this thread: it looks for new ones
 * every millisecond while there is work. Handing each record to a writer thread and waiting to be
 * woken again had cost a fifth to a quarter of what recording a decision costs. After a few
 * milliseconds without any it sleeps until the next record wakes it: looking every millisecond
 * through a quiet spell had kept a trickle of a dozen decisions a second waking this thread 800
 * times a second, for 5 % of a core.
 *
 * <p>Whoever reads the audit log first waits until every record handed over before the read is in
 * the database ({@link #awaitIndexed()}), so a decision can be looked up, replayed or used to escape
 * as soon as it is answered.
 */
final class JournalIndexer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JournalIndexer.class);
    private static final long LOOK_AGAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Long enough that under load, where a commit takes a fraction of a millisecond, it never sleeps. */
    static final int LOOKS_BEFORE_SLEEPING = 5;
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Consumer<List<AuditJournal.Entry>> insert;
    private final int maxBatch;
    private final Duration patience;
    private final Queue<AuditJournal.Entry> handedOver = new ConcurrentLinkedQueue<>();
    private final AtomicLong handedOverCount = new AtomicLong();
    private final AtomicLong indexedCount = new AtomicLong();
    private final Object indexedSignal = new Object();
    private final BatchMetrics metrics;
    private volatile Thread thread;
    private volatile boolean sleeping;
    private volatile boolean closed;
    private volatile RuntimeException lastFailure;

    /**
     * @param insert adds a batch of records to the database in one transaction, in the order given
     * @param patience how long a reader or a full journal waits for the database to catch up
     */
    JournalIndexer(Consumer<List<AuditJournal.Entry>> insert, int maxBatch, Duration patience, MeterRegistry meters) {
        this.insert = insert;
        this.maxBatch = maxBatch;
        this.patience = patience;
        // On H2, this is where records are committed in batches.
        this.metrics = BatchMetrics.register(meters, this::behind);
    }

    /** Takes a record the journal holds; the caller hands records over one at a time, in chain order. */
    void add(AuditJournal.Entry entry) {
        if (closed) {
            throw new IllegalStateException("the audit log is closing");
        }
        handedOver.add(entry);
        handedOverCount.incrementAndGet();
        Thread running = thread;
        if (running == null) {
            start();
        } else if (sleeping) {
            LockSupport.unpark(running);
        }
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Returns once every record handed over before the call is in the database.
     *
     * @throws AuditLogBehindException if that takes longer than the patience given
     */
    void awaitIndexed() {
        long target = handedOverCount.get();
        if (indexedCount.get() >= target) {
            return;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (indexedSignal) {
            while (indexedCount.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AuditLogBehindException("the audit database is " + behind() + " record(s) behind "
                            + "its journal after " + patience.toSeconds() + " s", lastFailure);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(indexedSignal, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AuditUnavailableException("interrupted while waiting for the audit database", e);
                }
            }
        }
    }

    /** Records handed over that are not in the database yet. */
    long behind() {
        return handedOverCount.get() - indexedCount.get();
    }

    /** Why the latest attempt to add records to the database failed, while they keep failing. */
    Optional<RuntimeException> failing() {
        return Optional.ofNullable(lastFailure);
    }

    private synchronized void start() {
        if (thread == null && !closed) {
            Thread started = new Thread(this::run, "leeway-audit-indexer");
            started.setDaemon(true);
            thread = started;
            started.start();
        }
    }

    private void run() {
        List<AuditJournal.Entry> batch = new ArrayList<>(maxBatch);
        int emptyLooks = 0;
        while (!(closed && handedOver.isEmpty() && batch.isEmpty())) {
            AuditJournal.Entry next;
            while (batch.size() < maxBatch && (next = handedOver.poll()) != null) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                emptyLooks = waitForWork(emptyLooks);
                continue;
            }
            emptyLooks = 0;
            if (commit(batch)) {
                batch.clear();
            } else if (!closed) {
                LockSupport.parkNanos(RETRY_NANOS);
            } else {
                log.error("The audit log closed with {} record(s) not yet in its database; they are in the journal "
                        + "and go back into the database when Leeway starts again", behind());
                return;
            }
        }
    }

    private int waitForWork(int emptyLooks) {
        if (emptyLooks < LOOKS_BEFORE_SLEEPING) {
            LockSupport.parkNanos(LOOK_AGAIN_NANOS);
            return emptyLooks + 1;
        }
        sleeping = true;
        // A record handed over after this look finds sleeping set and wakes the thread.
        if (handedOver.isEmpty() && !closed) {
            LockSupport.park();
        }
        sleeping = false;
        return 0;
    }

    private boolean commit(List<AuditJournal.Entry> batch) {
        Timer.Sample timing = Timer.start();
        try {
            insert.accept(batch);
        } catch (RuntimeException e) {
            if (lastFailure == null) {
                log.error("Could not add {} journaled audit record(s) to the database; retrying every second", batch.size(), e);
            }
            lastFailure = e;
            return false;
        }
        metrics.committed(batch.size(), timing);
        lastFailure = null;
        indexedCount.addAndGet(batch.size());
        synchronized (indexedSignal) {
            indexedSignal.notifyAll();
        }
        return true;
    }

    /** Adds what was handed over to the database, waiting up to the patience given, then stops. */
    @Override
    public void close() {
        closed = true;
        Thread running = thread;
        if (running != null) {
            LockSupport.unpark(running);
            try {
                running.join(patience.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
