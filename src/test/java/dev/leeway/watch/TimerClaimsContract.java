package dev.leeway.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.HttpApi;
import dev.leeway.MovableClock;
import dev.leeway.rules.InstanceProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each (case, instant) is decided once, whichever instances claim its timer: one whose claim lapsed
 * cannot record it after another took it over, a case sent again meanwhile wins over its claimed
 * timer, and instances firing the same due timers at once share them out. Run on each store.
 */
abstract class TimerClaimsContract {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    CaseWatch watch;

    @Autowired
    WatchedCaseTable table;

    @Autowired
    PlatformTransactionManager transactionManager;


    private HttpApi api() {
        return new HttpApi(port);
    }

    private void put(String caseId, Instant openedAt) {
        HttpApi.Reply reply = api().putJson("/api/v1/cases/" + caseId,
                "{\"case\": {\"id\": \"%s\", \"priority\": \"P1\", \"status\": \"OPEN\", \"openedAt\": \"%s\"}}"
                        .formatted(caseId, openedAt));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private List<WatchRow> claim(String instance) {
        Instant now = clock.instant();
        return new TransactionTemplate(transactionManager).execute(status ->
                table.claimDue(now, instance, now.plus(LEASE), 1000));
    }

    private WatchRow claimed(List<WatchRow> rows, String caseId) {
        return rows.stream().filter(row -> row.caseId().equals(caseId)).findFirst()
                .orElseThrow(() -> new AssertionError(caseId + " was not claimed: " + rows));
    }

    private DueTimers instance(String name) {
        return new DueTimers(watch, table, transactionManager, new WatchProperties(Duration.ZERO, 7, LEASE),
                new InstanceProperties(name), clock);
    }

    @Test
    void aTimerWhoseClaimLapsedIsRecordedOnlyByTheInstanceThatTookItOver() {
        String caseId = "CLAIM-LAPSED-" + System.nanoTime();
        put(caseId, clock.instant());
        clock.advance(Duration.ofHours(5));
        WatchRow stalled = claimed(claim("stalled"), caseId);
        assertThat(claim("other")).as("a live claim is left alone").noneMatch(row -> row.caseId().equals(caseId));

        clock.advance(LEASE.plusSeconds(1));
        WatchRow takenOver = claimed(claim("other"), caseId);
        assertThat(watch.fire(takenOver, "other")).isTrue();
        assertThat(watch.fire(stalled, "stalled")).as("the stalled instance wakes up too late").isFalse();

        assertThat(ScheduledDecisions.in(api(), "caseId=" + caseId))
                .containsExactly(new ScheduledDecisions.Fired(caseId, stalled.nextEvaluationAt()));
    }

    @Test
    void aCaseSentAgainWhileItsTimerIsClaimedWinsOverTheTimer() {
        String caseId = "CLAIM-SENT-AGAIN-" + System.nanoTime();
        Instant opened = clock.instant();
        put(caseId, opened);
        clock.advance(Duration.ofHours(5));
        WatchRow claimedRow = claimed(claim("busy"), caseId);

        put(caseId, opened);
        assertThat(watch.fire(claimedRow, "busy")).isFalse();

        assertThat(ScheduledDecisions.in(api(), "caseId=" + caseId)).isEmpty();
        assertThat(api().get("/api/v1/cases/" + caseId).json().path("revision").asLong()).isEqualTo(2);
    }

    @Test
    void twoInstancesFiringTheSameTimersAtOnceDecideEachInstantOnce() {
        String prefix = "CLAIM-RACE-" + System.nanoTime() + "-";
        Instant opened = clock.instant();
        int cases = 40;
        for (int i = 0; i < cases; i++) {
            put(prefix + i, opened);
        }
        // P1 counts around the clock: each first response is warned of after 45 minutes and missed
        // after an hour, and the contact the team lead then owes comes due an hour later.
        clock.advance(Duration.ofHours(2).plusMinutes(30));

        int recordedBefore = ScheduledDecisions.in(api(), "").size();
        DueTimers first = instance("first");
        DueTimers second = instance("second");
        CompletableFuture<Integer> firstFired = CompletableFuture.supplyAsync(first::fireDue);
        CompletableFuture<Integer> secondFired = CompletableFuture.supplyAsync(second::fireDue);
        int fired = firstFired.join() + secondFired.join();

        List<ScheduledDecisions.Fired> all = ScheduledDecisions.in(api(), "");
        List<ScheduledDecisions.Fired> recorded = all.stream().filter(f -> f.caseId().startsWith(prefix)).toList();
        List<ScheduledDecisions.Fired> expected = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            for (Duration after : List.of(Duration.ofMinutes(45), Duration.ofHours(1), Duration.ofHours(2))) {
                expected.add(new ScheduledDecisions.Fired(prefix + i, opened.plus(after)));
            }
        }
        assertThat(recorded).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(fired).as("what the two say they fired, other tests' cases included")
                .isEqualTo(all.size() - recordedBefore);
    }
}
