package dev.leeway.escape;

import dev.leeway.problem.InvalidParameterException;
import dev.leeway.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Using an escape that a decision offered, and reviewing such uses afterwards. */
@RestController
@Tag(name = "Escapes")
public class EscapeController {

    /** Where a review can stand for a use that asks for one. */
    private static final String QUEUED_STATUSES = "PENDING_REVIEW|APPROVED|FLAGGED";
    private static final String QUEUED_STATUSES_NAMED = "must be one of PENDING_REVIEW, APPROVED, FLAGGED";
    /** Also uses of escapes that ask for no review, which only the listing of every use shows. */
    private static final String USE_STATUSES = QUEUED_STATUSES + "|NO_REVIEW";
    private static final String USE_STATUSES_NAMED = QUEUED_STATUSES_NAMED + ", NO_REVIEW";

    private final EscapeInvocations invocations;
    private final RecordedEscapeUses recorded;

    public EscapeController(EscapeInvocations invocations, RecordedEscapeUses recorded) {
        this.invocations = invocations;
        this.recorded = recorded;
    }

    @PostMapping(path = "/api/v1/decisions/{decisionId}/escapes/{escapeId}/invocations",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Use an escape the decision offered: 404 unknown decision, 409 not offered or not for "
            + "the actor's roles, 422 justification missing")
    public ResponseEntity<EscapeUse> invoke(@PathVariable String decisionId, @PathVariable String escapeId,
            @Valid @RequestBody InvocationRequest request, @AuthenticationPrincipal Caller client) {
        return ResponseEntity.status(HttpStatus.CREATED).body(invocations.invoke(decisionId, escapeId, request, client));
    }

    @GetMapping(path = "/api/v1/audit/escapes", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The review queue: uses of escapes by review status and reviewer role, oldest first, "
            + "a page at a time")
    public EscapeUsePage queue(
            @RequestParam(defaultValue = "PENDING_REVIEW") @Pattern(regexp = QUEUED_STATUSES, message = QUEUED_STATUSES_NAMED) String status,
            @RequestParam(required = false) String reviewerRole,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return invocations.queue(status, reviewerRole == null || reviewerRole.isBlank() ? null : reviewerRole, cursor,
                limit);
    }

    @GetMapping(path = "/api/v1/audit/escape-uses", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every use of an escape, newest first, by escape, case, actor, review status and time, with "
            + "where its review stands; also uses that ask for no review")
    public EscapeUsePage uses(
            @RequestParam(required = false) String escape,
            @RequestParam(required = false) String caseId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) @Pattern(regexp = USE_STATUSES, message = USE_STATUSES_NAMED) String status,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        InvalidParameterException.requireOrdered(from, to);
        return recorded.find(new UseCriteria(status, null, escape, caseId, actor, from, to), cursor, limit);
    }

    @PostMapping(path = "/api/v1/audit/escapes/{invocationId}/review", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Review one use of an escape as the authenticated reviewer: APPROVED or FLAGGED, with a note; 409 "
            + "when already reviewed, when the reviewer used it, or when the reviewer lacks the role the escape names")
    public EscapeUse review(@PathVariable String invocationId, @Valid @RequestBody ReviewRequest review,
            @AuthenticationPrincipal Caller reviewer) {
        return invocations.review(invocationId, review, reviewer);
    }
}
