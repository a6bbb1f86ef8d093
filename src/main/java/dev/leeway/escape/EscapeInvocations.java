package dev.leeway.escape;

import dev.leeway.audit.Append;
import dev.leeway.audit.AuditEntry;
import dev.leeway.audit.AuditStore;
import dev.leeway.audit.RecordKind;
import dev.leeway.decision.Escape;
import dev.leeway.audit.DecisionRecord;
import dev.leeway.audit.DecisionRecords;
import dev.leeway.decision.DecisionIds;
import dev.leeway.event.CaseEvent;
import dev.leeway.event.CaseEventsRecorded;
import dev.leeway.event.EventType;
import dev.leeway.facts.Actor;
import dev.leeway.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uses of escapes: checked against the decision that offered them, recorded in the audit log and
 * listed (for the reviewer, where the escape asks for review), both in the audit writer's
 * transaction; and their reviews, likewise. Each is announced to webhook subscribers
 * ({@code escape.used}, {@code escape.reviewed}) in that same transaction.
 */
@Component
public class EscapeInvocations {

    static final String PENDING = "PENDING_REVIEW";
    static final String NO_REVIEW = "NO_REVIEW";

    private final AuditStore store;
    private final DecisionRecords decisions;
    private final EscapeUseTable table;
    private final JsonMapper json;
    private final DecisionIds ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final EscapeMetrics metrics;

    EscapeInvocations(AuditStore store, DecisionRecords decisions, EscapeUseTable table, JsonMapper json,
            DecisionIds ids, Clock clock, ApplicationEventPublisher events, EscapeMetrics metrics) {
        this.store = store;
        this.decisions = decisions;
        this.table = table;
        this.json = json;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
        this.metrics = metrics;
    }

    /**
     * @param client the authenticated client that asserts the request's actor; both are recorded
     */
    public EscapeUse invoke(String decisionId, String escapeId, InvocationRequest request, Caller client) {
        DecisionRecord decision = decisions.find(decisionId)
                .orElseThrow(() -> new EscapeRefusedException(HttpStatus.NOT_FOUND, "No decision " + decisionId + " is recorded."));
        Escape escape = decision.offered(escapeId).orElseThrow(() -> new EscapeRefusedException(HttpStatus.CONFLICT,
                "Decision " + decisionId + " did not offer escape " + escapeId + "."));
        Actor actor = request.actor();
        List<String> allowed = Objects.requireNonNullElse(escape.allowedRoles(), List.of());
        if (actor.roles().stream().noneMatch(allowed::contains)) {
            throw new EscapeRefusedException(HttpStatus.CONFLICT, "Escape " + escapeId + " is for " + allowed
                    + "; the actor's roles are " + actor.roles() + ".");
        }
        List<String> requires = Objects.requireNonNullElse(escape.requires(), List.of());
        if (requires.contains("JUSTIFICATION") && (request.justification() == null || request.justification().isBlank())) {
            throw new EscapeRefusedException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "Escape " + escapeId + " requires a justification: say why the normal procedure does not serve this customer.");
        }
        String reviewer = escape.review() == null ? null : escape.review().by();
        EscapeUse use = new EscapeUse(ids.next().toString(), decisionId, escapeId, decision.caseId(), actor.id(),
                client.toString(), request.justification(), requires, reviewer, now(), reviewer == null ? NO_REVIEW : PENDING,
                null, null, null);
        store.append(new Append(List.of(new AuditEntry(use.invocationId(), RecordKind.ESCAPE_INVOCATION, use.invokedAt(),
                use.caseId(), actor.id(), decision.ruleSetVersion(), decisionId, json.writeValueAsString(use), List.of(),
                List.of(escapeId), null)), () -> {
                    table.add(use);
                    announce(EventType.ESCAPE_USED, use, use.invocationId(), use.invokedAt());
                }));
        metrics.used(escapeId);
        return use;
    }

    /**
     * @param reviewer the authenticated principal: it reviews with its own staff roles, whatever a
     *     request body might claim
     */
    public EscapeUse review(String invocationId, ReviewRequest review, Caller reviewer) {
        EscapeUse use = table.find(invocationId, false)
                .orElseThrow(() -> new EscapeRefusedException(HttpStatus.NOT_FOUND,
                        "No use of an escape has the id " + invocationId + "."));
        checkReviewable(use, reviewer);
        Instant now = now();
        EscapeUse reviewed = use.reviewed(review.outcome().name(), reviewer.toString(), review.note(), now);
        String recordId = ids.next().toString();
        store.append(new Append(List.of(new AuditEntry(recordId, RecordKind.ESCAPE_REVIEW, now, use.caseId(),
                reviewer.toString(), null, invocationId, json.writeValueAsString(reviewed), List.of(),
                List.of(use.escapeId()), null)), () -> {
                    // Another review may have settled the use since it was read; locked now, its row says.
                    checkReviewable(table.find(invocationId, true).orElseThrow(), reviewer);
                    table.settle(reviewed);
                    announce(EventType.ESCAPE_REVIEWED, reviewed, recordId, reviewed.reviewedAt());
                }));
        metrics.reviewed(use.escapeId(), review.outcome());
        return reviewed;
    }

    /** Called in the audit append's transaction, so subscribers hear of it if and only if it is recorded. */
    private void announce(EventType type, EscapeUse use, String recordId, Instant at) {
        events.publishEvent(new CaseEventsRecorded(List.of(new CaseEvent(ids.next(), type, use.caseId(), at, recordId,
                EscapeAnnouncement.of(use)))));
    }

    private static void checkReviewable(EscapeUse use, Caller reviewer) {
        if (NO_REVIEW.equals(use.status())) {
            throw new EscapeRefusedException(HttpStatus.CONFLICT, "This use of " + use.escapeId()
                    + " asks for no review: the escape's rule lets it stand on its own.");
        }
        if (!PENDING.equals(use.status())) {
            throw new EscapeRefusedException(HttpStatus.CONFLICT, "This use of " + use.escapeId() + " was already "
                    + use.status() + " by " + use.reviewedBy() + ".");
        }
        if (reviewer.name().equals(use.invokedBy()) || reviewer.toString().equals(use.assertedBy())) {
            throw new EscapeRefusedException(HttpStatus.CONFLICT, "Nobody reviews their own use of an escape: "
                    + reviewer + " used it or asserted who did.");
        }
        // The escape's rule names who reviews its uses; anyone else approving them would make
        // the review a formality.
        if (!reviewer.staffRoles().contains(use.reviewerRole())) {
            throw new EscapeRefusedException(HttpStatus.CONFLICT, "This use of " + use.escapeId() + " is for "
                    + use.reviewerRole() + " to review; the staff roles of " + reviewer + " are "
                    + reviewer.staffRoles().stream().sorted().toList() + ".");
        }
    }

    /**
     * A page of uses in the given review status, for the given reviewer role (any when null),
     * oldest first, starting after the cursor's use (from the first when there is no cursor).
     */
    public EscapeUsePage queue(String status, String reviewerRole, String cursor, int limit) {
        List<EscapeUse> found = table.oldestFirst(UseCriteria.queue(status, reviewerRole),
                UsePosition.from(UsePosition.AFTER, cursor), limit + 1);
        if (found.size() <= limit) {
            return new EscapeUsePage(found, null);
        }
        List<EscapeUse> page = found.subList(0, limit);
        return new EscapeUsePage(page, UsePosition.of(page.get(limit - 1)).cursor(UsePosition.AFTER));
    }

    /**
     * The audit log keeps instants to the millisecond, the review queue to the microsecond: an instant
     * taken to the millisecond is the same in the answer, the queue and the record.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
