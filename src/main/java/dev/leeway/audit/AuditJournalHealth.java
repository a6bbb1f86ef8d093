package dev.leeway.audit;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code auditJournal} component of {@code /actuator/health}. On an H2 file database a decision
 * is answered once the journal holds it and reaches the database a moment later: UP with how many
 * records are on their way, DOWN while the database refuses them. Every read of the audit log then
 * waits and fails, and decisions fail too once the journal is full, yet the database itself still
 * answers, so the {@code db} component alone would read UP. On PostgreSQL there is no journal.
 */
@Component("auditJournal")
class AuditJournalHealth implements HealthIndicator {

    private final AuditStore store;

    AuditJournalHealth(AuditStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        return store.journalBacklog()
                .map(backlog -> (backlog.failure() == null ? Health.up() : Health.down().withDetail("failure", backlog.failure()))
                        .withDetail("recordsWaiting", backlog.recordsWaiting()))
                .orElseGet(() -> Health.up().withDetail("journal", "none: each commit is durable by itself"))
                .build();
    }
}
