package dev.leeway.escape;

import dev.leeway.audit.AuditEntry;
import dev.leeway.audit.AuditStore;
import dev.leeway.audit.StoredRecord;
import dev.leeway.decision.DecisionIds;
import dev.leeway.facts.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uses of escapes: checked against the decision that offered them, recorded in the audit log and,
 * where the escape asks for review, queued for the reviewer, both in one transaction.
 */
@Component
public class EscapeInvocations {

    static final String PENDING = "PENDING_REVIEW";

    /** The kind of audit record each use of an escape is kept as. */
    static final String INVOCATION_RECORD = "ESCAPE_INVOCATION";

    private final AuditStore store;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final DecisionIds ids;
    private final Clock clock;

    public EscapeInvocations(AuditStore store, JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json,
            DecisionIds ids, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.ids = ids;
        this.clock = clock;
    }

    public EscapeUse invoke(String decisionId, String escapeId, InvocationRequest request) {
        StoredRecord decision = store.find(decisionId)
                .filter(record -> "DECISION".equals(record.kind()))
                .orElseThrow(() -> new EscapeRefusedException(HttpStatus.NOT_FOUND, "No decision " + decisionId + " is recorded."));
        JsonNode escape = offered(decision, escapeId);
        Actor actor = request.actor();
        List<String> allowed = texts(escape.path("allowedRoles"));
        if (actor.roles().stream().noneMatch(allowed::contains)) {
            throw new EscapeRefusedException(HttpStatus.CONFLICT, "Escape " + escapeId + " is for " + allowed
                    + "; the actor's roles are " + actor.roles() + ".");
        }
        List<String> requires = texts(escape.path("requires"));
        if (requires.contains("JUSTIFICATION") && (request.justification() == null || request.justification().isBlank())) {
            throw new EscapeRefusedException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "Escape " + escapeId + " requires a justification: say why the normal procedure does not serve this customer.");
        }
        String reviewer = escape.path("review").path("by").isMissingNode() || escape.path("review").path("by").isNull()
                ? null : escape.path("review").path("by").asString();
        EscapeUse use = new EscapeUse(ids.next().toString(), decisionId, escapeId, decision.caseId(), actor.id(),
                request.justification(), requires, reviewer, clock.instant(), reviewer == null ? "NO_REVIEW" : PENDING,
                null, null, null);
        transactions.executeWithoutResult(status -> {
            store.append(List.of(new AuditEntry(use.invocationId(), INVOCATION_RECORD, use.invokedAt(), use.caseId(),
                    actor.id(), decision.ruleSetVersion(), decisionId, json.writeValueAsString(use), List.of(),
                    List.of(escapeId), null)));
            if (reviewer != null) {
                jdbc.update("INSERT INTO escape_review (invocation_id, decision_id, escape_id, case_id, invoked_by, "
                        + "justification, reviewer_role, invoked_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        use.invocationId(), decisionId, escapeId, use.caseId(), actor.id(), use.justification(), reviewer,
                        utc(use.invokedAt()), PENDING);
            }
        });
        return use;
    }

    public EscapeUse review(String invocationId, ReviewRequest review) {
        return transactions.execute(status -> {
            EscapeUse use = jdbc.query("SELECT * FROM escape_review WHERE invocation_id = ? FOR UPDATE",
                    this::toUse, invocationId).stream().findFirst()
                    .orElseThrow(() -> new EscapeRefusedException(HttpStatus.NOT_FOUND,
                            "No use of an escape awaiting review has the id " + invocationId + "."));
            if (!PENDING.equals(use.status())) {
                throw new EscapeRefusedException(HttpStatus.CONFLICT, "This use of " + use.escapeId() + " was already "
                        + use.status() + " by " + use.reviewedBy() + ".");
            }
            if (review.reviewer().id() != null && review.reviewer().id().equals(use.invokedBy())) {
                throw new EscapeRefusedException(HttpStatus.CONFLICT, "Nobody reviews their own use of an escape.");
            }
            // The escape's rule names who reviews its uses; anyone else approving them would make
            // the review a formality.
            if (!review.reviewer().roles().contains(use.reviewerRole())) {
                throw new EscapeRefusedException(HttpStatus.CONFLICT, "This use of " + use.escapeId() + " is for "
                        + use.reviewerRole() + " to review; the reviewer's roles are " + review.reviewer().roles() + ".");
            }
            Instant now = clock.instant();
            jdbc.update("UPDATE escape_review SET status = ?, reviewed_by = ?, note = ?, reviewed_at = ? "
                    + "WHERE invocation_id = ?", review.outcome().name(), review.reviewer().id(), review.note(), utc(now),
                    invocationId);
            EscapeUse reviewed = use.reviewed(review.outcome().name(), review.reviewer().id(), review.note(), now);
            store.append(List.of(new AuditEntry(ids.next().toString(), "ESCAPE_REVIEW", now, use.caseId(),
                    review.reviewer().id(), null, invocationId, json.writeValueAsString(reviewed), List.of(),
                    List.of(use.escapeId()), null)));
            return reviewed;
        });
    }

    /**
     * A page of uses in the given review status, for the given reviewer role (any when null),
     * oldest first, starting after {@code after} (from the start when null).
     */
    public EscapeUsePage queue(String status, String reviewerRole, QueuePosition after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM escape_review WHERE status = ?");
        List<Object> arguments = new ArrayList<>(List.of(status));
        if (reviewerRole != null) {
            sql.append(" AND reviewer_role = ?");
            arguments.add(reviewerRole);
        }
        if (after != null) {
            sql.append(" AND (invoked_at, invocation_id) > (?, ?)");
            arguments.addAll(List.of(utc(after.invokedAt()), after.invocationId()));
        }
        sql.append(" ORDER BY invoked_at, invocation_id FETCH FIRST ? ROWS ONLY");
        arguments.add(limit + 1);
        List<EscapeUse> found = jdbc.query(sql.toString(), this::toUse, arguments.toArray());
        if (found.size() <= limit) {
            return new EscapeUsePage(found, null);
        }
        List<EscapeUse> page = found.subList(0, limit);
        return new EscapeUsePage(page, QueuePosition.of(page.get(limit - 1)).cursor());
    }

    private JsonNode offered(StoredRecord decision, String escapeId) {
        for (JsonNode escape : json.readTree(decision.payload()).path("output").path("escapes")) {
            if (escapeId.equals(escape.path("id").asString())) {
                return escape;
            }
        }
        throw new EscapeRefusedException(HttpStatus.CONFLICT,
                "Decision " + decision.recordId() + " did not offer escape " + escapeId + ".");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asString()));
        return texts;
    }

    private EscapeUse toUse(ResultSet row, int rowNumber) throws SQLException {
        OffsetDateTime reviewedAt = row.getObject("reviewed_at", OffsetDateTime.class);
        return new EscapeUse(row.getString("invocation_id"), row.getString("decision_id"), row.getString("escape_id"),
                row.getString("case_id"), row.getString("invoked_by"), row.getString("justification"), null,
                row.getString("reviewer_role"), row.getObject("invoked_at", OffsetDateTime.class).toInstant(),
                row.getString("status"), row.getString("reviewed_by"), row.getString("note"),
                reviewedAt == null ? null : reviewedAt.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
