package dev.leeway.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way into the audit log, on every database: callers hand their {@link Append}s to one
 * writer, which appends everything waiting in one transaction that also moves the chain head,
 * forces that commit to disk, and then releases every caller in it. Each caller still waits until
 * its own records are durable; under load, many share one commit. A batch that fails is retried
 * one append at a time, so one refused append fails alone.
 *
 * <p>Operators see how well that works in three metrics: {@code leeway.audit.batch.size} (records
 * per commit), {@code leeway.audit.commit} (time to append and commit a batch) and
 * {@code leeway.audit.queue} (appends waiting for the writer).
 */
public class GroupCommitWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    private record Pending(Append append, CompletableFuture<List<StoredRecord>> stored) {}

    /** Tells the writer thread to stop once it has written everything queued before it. */
    private static final Pending STOP = new Pending(new Append(List.of()), new CompletableFuture<>());

    /** What an append's own table write threw: it fails that append alone and reaches its caller unwrapped. */
    private static final class Refused extends RuntimeException {
        Refused(RuntimeException cause) {
            super(cause);
        }
    }

    private final ChainAppender appender;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final AuditDialect dialect;
    private final int maxBatch;
    private final Duration writeTimeout;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final BatchMetrics metrics;
    private Thread writer;
    private volatile boolean stopped;

    /**
     * @param maxBatch the most appends one transaction carries
     * @param writeTimeout how long {@link #write} waits for its records to be durable
     */
    public GroupCommitWriter(DataSource dataSource, PlatformTransactionManager transactionManager, int maxBatch,
            Duration writeTimeout, MeterRegistry meters) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.appender = new ChainAppender(jdbc);
        this.transactions = new TransactionTemplate(transactionManager);
        this.dialect = AuditDialect.of(dataSource);
        this.maxBatch = maxBatch;
        this.writeTimeout = writeTimeout;
        this.metrics = BatchMetrics.register(meters, queue::size);
    }

    /**
     * Returns the records once they are durable.
     *
     * @throws AuditUnavailableException if they could not be made durable in time
     */
    public List<StoredRecord> write(Append append) {
        try {
            return submit(append).get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while recording in the audit log", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Refused refused) {
                throw (RuntimeException) refused.getCause();
            }
            throw new AuditUnavailableException("the record could not be made durable in the audit log", e.getCause());
        } catch (TimeoutException e) {
            throw new AuditUnavailableException("the audit log did not make the record durable in time", e);
        }
    }

    /** Queues the append; the future completes once it is durable, or fails if it could not be. */
    public CompletableFuture<List<StoredRecord>> submit(Append append) {
        CompletableFuture<List<StoredRecord>> stored = new CompletableFuture<>();
        if (!startIfStopped()) {
            stored.completeExceptionally(new AuditUnavailableException("the audit writer has stopped", null));
            return stored;
        }
        queue.add(new Pending(append, stored));
        return stored;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            stopping = batch.remove(STOP);
            if (!batch.isEmpty()) {
                commit(batch);
            }
            batch.clear();
        }
    }

    private void commit(List<Pending> batch) {
        Timer.Sample timing = Timer.start();
        List<List<StoredRecord>> stored;
        try {
            stored = transactions.execute(status -> batch.stream().map(pending -> append(pending.append())).toList());
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                fail(batch, e);
            } else {
                batch.forEach(pending -> commit(List.of(pending)));
            }
            return;
        }
        try {
            dialect.forceToDisk(jdbc);
        } catch (RuntimeException e) {
            // Committed, so never retried; but not known to be on the disk, so not answered either.
            fail(batch, e);
            return;
        }
        metrics.committed(stored.stream().mapToInt(List::size).sum(), timing);
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).stored().complete(stored.get(i));
        }
    }

    private List<StoredRecord> append(Append append) {
        List<StoredRecord> stored = append.entries().isEmpty() ? List.of() : appender.append(append.entries());
        try {
            append.alongside().run();
        } catch (RuntimeException e) {
            throw new Refused(e);
        }
        return stored;
    }

    private static void fail(List<Pending> batch, RuntimeException e) {
        if (!(e instanceof Refused)) {
            log.error("Could not record {} append(s) in the audit log; their requests fail", batch.size(), e);
        }
        batch.forEach(pending -> pending.stored().completeExceptionally(e));
    }

    /**
     * Also on the first append, which may come before the application context has started (the
     * rule set is activated and recorded while beans are still being created).
     *
     * @return false while stopped
     */
    private synchronized boolean startIfStopped() {
        if (stopped) {
            return false;
        }
        startThread();
        return true;
    }

    private synchronized void startThread() {
        if (writer == null) {
            // A thread of its own rather than a TaskScheduler task: it blocks on the queue between
            // batches, which would hold one of the scheduler's threads for good.
            writer = new Thread(this::run, "leeway-audit-writer");
            writer.setDaemon(true);
            writer.start();
        }
    }

    /** Also after {@link #stop()}: a paused context (in tests, a cached one) is started again. */
    @Override
    public synchronized void start() {
        stopped = false;
        startThread();
    }

    /** Writes what is queued, then stops; not by interrupting, which would close H2's file under it. */
    @Override
    public void stop() {
        Thread thread;
        synchronized (this) {
            stopped = true;
            thread = writer;
        }
        if (thread == null) {
            return;
        }
        queue.add(STOP);
        try {
            thread.join(writeTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            writer = null;
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(pending -> pending.stored().completeExceptionally(
                new AuditUnavailableException("the audit writer stopped before recording this", null)));
    }

    @Override
    public synchronized boolean isRunning() {
        return writer != null && !stopped;
    }

    /** Stop after the web server, so requests in flight can still be recorded. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
