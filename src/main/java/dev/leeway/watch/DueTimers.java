package dev.leeway.watch;

import dev.leeway.rules.InstanceProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires watched cases' timers that have come due, every {@code leeway.watch.poll-interval}: also
 * those that came due while no instance ran, right after start, each at its own instant. Instances
 * sharing the database claim timers in a short transaction of their own ({@code FOR UPDATE SKIP
 * LOCKED}), each for a lease; a timer fires when its decision is recorded, which only the holder
 * of its claim can do for that instant (see {@link WatchedCaseTable#advance}).
 */
@Component
public class DueTimers {

    private static final Logger log = LoggerFactory.getLogger(DueTimers.class);

    private final CaseWatch watch;
    private final WatchedCaseTable table;
    private final TransactionTemplate transactions;
    private final WatchProperties properties;
    private final String instance;
    private final Clock clock;

    DueTimers(CaseWatch watch, WatchedCaseTable table, PlatformTransactionManager transactionManager,
            WatchProperties properties, InstanceProperties instance, Clock clock) {
        this.watch = watch;
        this.table = table;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.instance = instance.instanceName();
        this.clock = clock;
    }

    /**
     * Fires every timer due by now, earliest first, until none is left that this instance can claim:
     * a case several of whose instants have passed is decided at each of them in turn, since each
     * decision says when the next one is.
     *
     * @return how many timers this call fired
     */
    public int fireDue() {
        int fired = 0;
        while (true) {
            Instant now = clock.instant();
            List<WatchRow> claimed = transactions.execute(status ->
                    table.claimDue(now, instance, now.plus(properties.claimLease()), properties.batchSize()));
            if (claimed == null || claimed.isEmpty()) {
                return fired;
            }
            for (WatchRow row : claimed) {
                try {
                    if (watch.fire(row, instance)) {
                        fired++;
                    }
                } catch (RuntimeException e) {
                    // Its claim lapses and the timer is tried again; the others still fire.
                    log.warn("Could not decide watched case {} at {}; it is tried again once its claim lapses",
                            row.caseId(), row.nextEvaluationAt(), e);
                }
            }
        }
    }
}
