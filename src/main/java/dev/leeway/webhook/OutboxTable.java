package dev.leeway.webhook;

import static dev.leeway.webhook.SubscriptionTable.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code webhook_outbox} table: what is to be delivered, what was, and what gave up. */
@Component
class OutboxTable {

    private static final String DUE = "SELECT * FROM webhook_outbox o WHERE o.status = 'PENDING' "
            + "AND o.next_attempt_at <= ? AND (o.claim_expires_at IS NULL OR o.claim_expires_at <= ?) "
            + "AND o.subscription_id IN (SELECT subscription_id FROM webhook_subscription WHERE active) "
            // Only the oldest undelivered row of its (subscription, case): order holds, and a dead
            // row no longer holds the later ones back.
            + "AND NOT EXISTS (SELECT 1 FROM webhook_outbox e WHERE e.subscription_id = o.subscription_id "
            + "AND e.case_id = o.case_id AND e.status = 'PENDING' AND e.sequence_number < o.sequence_number) "
            + "ORDER BY o.sequence_number FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    OutboxTable(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Joins the caller's transaction (the audit append's), so the row commits with the audit record or not at all. */
    void add(String deliveryId, String eventId, String subscriptionId, String caseId, String eventType, Instant eventTime,
            String body, Instant now) {
        jdbc.update("INSERT INTO webhook_outbox (delivery_id, event_id, subscription_id, case_id, event_type, event_time, "
                + "body, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                deliveryId, eventId, subscriptionId, caseId, eventType, utc(eventTime), body, utc(now), utc(now));
    }

    /**
     * Claims up to {@code limit} due deliveries for {@code owner} until {@code leaseEnds}, each the
     * oldest undelivered one of its (subscription, case); rows another instance is claiming are skipped.
     */
    List<OutboxDelivery> claimDue(Instant now, String owner, Instant leaseEnds, int limit) {
        return transactions.execute(status -> {
            List<OutboxDelivery> due = jdbc.query(DUE, OutboxTable::toDelivery, utc(now), utc(now), limit);
            due.forEach(delivery -> jdbc.update("UPDATE webhook_outbox SET claimed_by = ?, claim_expires_at = ? "
                    + "WHERE sequence_number = ?", owner, utc(leaseEnds), delivery.sequenceNumber()));
            return due;
        });
    }

    void delivered(long sequenceNumber, String owner, int attempts, Instant at) {
        jdbc.update("UPDATE webhook_outbox SET status = 'DELIVERED', attempts = ?, delivered_at = ?, last_error = NULL, "
                + "claimed_by = NULL, claim_expires_at = NULL WHERE sequence_number = ? AND claimed_by = ?",
                attempts, utc(at), sequenceNumber, owner);
    }

    void retryLater(long sequenceNumber, String owner, int attempts, Instant nextAttemptAt, String error) {
        jdbc.update("UPDATE webhook_outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, claimed_by = NULL, "
                + "claim_expires_at = NULL WHERE sequence_number = ? AND claimed_by = ?",
                attempts, utc(nextAttemptAt), error, sequenceNumber, owner);
    }

    void dead(long sequenceNumber, String owner, int attempts, Instant at, String error) {
        jdbc.update("UPDATE webhook_outbox SET status = 'DEAD', attempts = ?, next_attempt_at = ?, last_error = ?, "
                + "claimed_by = NULL, claim_expires_at = NULL WHERE sequence_number = ? AND claimed_by = ?",
                attempts, utc(at), error, sequenceNumber, owner);
    }

    /** Dead letters after the given sequence number (from the first when 0), oldest first. */
    List<OutboxDelivery> dead(long after, int limit) {
        return jdbc.query("SELECT * FROM webhook_outbox WHERE status = 'DEAD' AND sequence_number > ? "
                + "ORDER BY sequence_number FETCH FIRST ? ROWS ONLY", OutboxTable::toDelivery, after, limit);
    }

    Optional<OutboxDelivery> find(String deliveryId) {
        return jdbc.query("SELECT * FROM webhook_outbox WHERE delivery_id = ?", OutboxTable::toDelivery, deliveryId)
                .stream().findFirst();
    }

    /** A dead letter back to pending, due now, with its attempts counted afresh; false if it was not dead. */
    boolean replay(String deliveryId, Instant now) {
        return jdbc.update("UPDATE webhook_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, "
                + "claimed_by = NULL, claim_expires_at = NULL WHERE delivery_id = ? AND status = 'DEAD'",
                utc(now), deliveryId) == 1;
    }

    private static OutboxDelivery toDelivery(ResultSet row, int rowNumber) throws SQLException {
        return new OutboxDelivery(row.getLong("sequence_number"), row.getString("delivery_id"), row.getString("event_id"),
                row.getString("subscription_id"), row.getString("case_id"), row.getString("event_type"),
                instant(row, "event_time"), row.getString("body"), row.getString("status"), row.getInt("attempts"),
                instant(row, "next_attempt_at"), row.getString("last_error"), instant(row, "created_at"),
                instant(row, "delivered_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
