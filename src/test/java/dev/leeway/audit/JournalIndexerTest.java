package dev.leeway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How records the journal holds reach the database, and how reads wait for them. */
class JournalIndexerTest {

    private final List<String> inDatabase = new CopyOnWriteArrayList<>();
    private JournalIndexer indexer;

    @AfterEach
    void close() {
        indexer.close();
    }

    @Test
    void aReadWaitsUntilEveryRecordHandedOverBeforeItIsInTheDatabase() throws Exception {
        CountDownLatch databaseSlow = new CountDownLatch(1);
        indexer = indexer(batch -> {
            await(databaseSlow);
            batch.forEach(entry -> inDatabase.add(entry.record().recordId()));
        }, Duration.ofSeconds(10));
        indexer.add(entry("first"));
        indexer.add(entry("second"));

        CompletableFuture<List<String>> read = CompletableFuture.supplyAsync(() -> {
            indexer.awaitIndexed();
            return List.copyOf(inDatabase);
        });

        assertThat(read).as("still waiting for the database").isNotCompleted();
        Thread.sleep(200);
        assertThat(read).as("still waiting for the database").isNotCompleted();
        databaseSlow.countDown();
        assertThat(read.get(5, TimeUnit.SECONDS)).containsExactly("first", "second");
    }

    @Test
    void aRecordHandedOverAfterAQuietSpellWakesTheIndexer() throws Exception {
        indexer = indexer(batch -> batch.forEach(entry -> inDatabase.add(entry.record().recordId())),
                Duration.ofSeconds(5));
        indexer.add(entry("before the quiet spell"));
        indexer.awaitIndexed();
        // Long enough for the indexer to stop looking and go to sleep.
        Thread.sleep(JournalIndexer.LOOKS_BEFORE_SLEEPING * 20L);

        indexer.add(entry("after it"));
        indexer.awaitIndexed();

        assertThat(inDatabase).containsExactly("before the quiet spell", "after it");
    }

    @Test
    void aBatchTheDatabaseRefusedIsAddedOnceItAcceptsAgain() {
        AtomicInteger attempts = new AtomicInteger();
        indexer = indexer(batch -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
            batch.forEach(entry -> inDatabase.add(entry.record().recordId()));
        }, Duration.ofSeconds(10));

        indexer.add(entry("refused-once"));
        indexer.awaitIndexed();

        assertThat(inDatabase).containsExactly("refused-once");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aReadGivesUpWhileTheDatabaseStaysBehind() {
        indexer = indexer(batch -> {
            throw new IllegalStateException("disk full");
        }, Duration.ofMillis(300));

        indexer.add(entry("never-added"));

        assertThatThrownBy(indexer::awaitIndexed).isInstanceOf(AuditLogBehindException.class)
                .hasMessageContaining("1 record(s) behind").hasRootCauseMessage("disk full");
    }

    @Test
    void closingAddsEverythingHandedOverFirstAndRefusesMore() {
        indexer = indexer(batch -> batch.forEach(entry -> inDatabase.add(entry.record().recordId())),
                Duration.ofSeconds(10));
        for (int i = 0; i < 1_000; i++) {
            indexer.add(entry("record-" + i));
        }

        indexer.close();

        assertThat(inDatabase).hasSize(1_000).startsWith("record-0").endsWith("record-999");
        assertThatThrownBy(() -> indexer.add(entry("too-late"))).isInstanceOf(IllegalStateException.class);
    }

    private static JournalIndexer indexer(Consumer<List<AuditJournal.Entry>> insert, Duration patience) {
        return new JournalIndexer(insert, 500, patience, new SimpleMeterRegistry());
    }

    private static AuditJournal.Entry entry(String id) {
        return new AuditJournal.Entry(new StoredRecord(1, id, "DECISION", Instant.now(), "CASE-1", "agent-7",
                "sha256:test", null, "{}", "0".repeat(64), "1".repeat(64)), List.of(), List.of());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
