package dev.leeway.watch;

import dev.leeway.decision.Decider;
import dev.leeway.decision.Decision;
import dev.leeway.decision.DecisionIds;
import dev.leeway.decision.DecisionLog;
import dev.leeway.decision.DecisionRequest;
import dev.leeway.event.CaseEvent;
import dev.leeway.event.CaseEventsRecorded;
import dev.leeway.problem.InvalidParameterException;
import dev.leeway.security.Caller;
import dev.leeway.terms.UnknownTermsException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Watched cases: each is decided when the helpdesk sends it and again, by the scheduler, at each
 * instant its decision changes. Every decision is recorded in the audit log like any other, and in
 * that same transaction the watch moves on to its next instant and the events the decision brought
 * are published ({@link CaseEventsRecorded}): the record, the timer and the events are kept together
 * or not at all.
 */
@Component
public class CaseWatch {

    private static final Logger logger = LoggerFactory.getLogger(CaseWatch.class);

    /** Who the audit log says asked for the decisions timers make. */
    public static final Caller SCHEDULER = new Caller("leeway-scheduler", null, Set.of(), Set.of());

    private static final int PUT_ATTEMPTS = 3;

    /** What a write beside the audit record throws when the watch is no longer as it was read. */
    private static final class Changed extends RuntimeException {
        Changed() {
            super(null, null, false, false);
        }
    }

    private final Decider decider;
    private final DecisionLog log;
    private final WatchedCaseTable table;
    private final JsonMapper json;
    private final DecisionIds ids;
    private final ApplicationEventPublisher publisher;
    private final WatchMetrics metrics;
    private final Clock clock;

    public CaseWatch(Decider decider, DecisionLog log, WatchedCaseTable table, JsonMapper json, DecisionIds ids,
            ApplicationEventPublisher publisher, WatchMetrics metrics, Clock clock) {
        this.decider = decider;
        this.log = log;
        this.table = table;
        this.json = json;
        this.ids = ids;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Decides the case now and watches it from this decision on; a case in a status the rule set's
     * vocabulary calls closed or solution-confirmed is decided and no longer watched.
     *
     * @param caller who sent the case, as authenticated; recorded as who asked for this decision
     */
    public WatchedCase watch(String caseId, WatchedCaseRequest request, Caller caller) {
        if (!caseId.equals(request.serviceCase().id())) {
            throw new InvalidParameterException("case.id", "must be the id in the path (" + caseId + "), not "
                    + request.serviceCase().id());
        }
        String requestJson = json.writeValueAsString(request);
        for (int attempt = 1; attempt <= PUT_ATTEMPTS; attempt++) {
            Optional<WatchRow> current = table.find(caseId);
            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            DecisionRequest decisionRequest = new DecisionRequest(request.serviceCase(), request.actor(), null, at, request.source());
            Decision decision = decider.decide(decisionRequest);
            boolean ends = decision.caseEnded();
            byte[] answer = json.writeValueAsBytes(decision);
            NextEvaluation next = ends ? NextEvaluation.NONE : NextEvaluation.after(decision);
            WatchedCaseTable.Recorded recorded = recorded(decision, answer, next);
            List<CaseEvent> events = events(current.map(this::lastDecision).orElse(null), decision);
            try {
                log.record(decisionRequest, decision, answer, caller, () -> {
                    boolean written;
                    if (ends) {
                        written = current.map(table::end).orElse(true);
                    } else {
                        written = current.isPresent() ? table.replace(current.get(), requestJson, recorded, at)
                                : table.insert(caseId, requestJson, recorded, at);
                    }
                    if (!written) {
                        throw new Changed();
                    }
                    publish(events);
                });
            } catch (Changed changed) {
                continue;
            }
            return ends ? new WatchedCase(caseId, false, null, decision, null, List.of())
                    : new WatchedCase(caseId, true, current.map(row -> row.revision() + 1).orElse(1L), decision,
                            next.at(), next.brings());
        }
        throw new WatchConflictException(caseId);
    }

    public WatchedCase view(String caseId) {
        WatchRow row = table.find(caseId).orElseThrow(() -> new CaseNotWatchedException(caseId));
        return new WatchedCase(caseId, true, row.revision(), lastDecision(row), row.nextEvaluationAt(),
                json.readValue(row.nextBrings(), new TypeReference<List<ExpectedEvent>>() {}));
    }

    public void stop(String caseId) {
        if (!table.delete(caseId)) {
            throw new CaseNotWatchedException(caseId);
        }
    }

    /**
     * Decides a claimed case at its timer's instant, not now, so the decision is what it would have
     * been had it been made on time and replays the same.
     *
     * A case whose stored request sends a value the serving vocabulary no longer declares cannot be
     * decided until the helpdesk sends it again in words the vocabulary knows: its timer is put away
     * (see {@link WatchedCaseTable#park}) rather than failing at every lapse of its claim.
     *
     * @return false if the timer was no longer this instance's to fire (fired by another instance
     *         that took over an expired claim, or the case was sent again or stopped meanwhile), or
     *         was put away
     */
    boolean fire(WatchRow claimed, String instance) {
        Instant at = claimed.nextEvaluationAt();
        WatchedCaseRequest request = json.readValue(claimed.request(), WatchedCaseRequest.class);
        DecisionRequest decisionRequest = new DecisionRequest(request.serviceCase(), request.actor(), null, at, request.source());
        Decision decision;
        try {
            decision = decider.decide(decisionRequest);
        } catch (UnknownTermsException e) {
            if (table.park(claimed, instance, clock.instant())) {
                logger.warn("Watched case {} is no longer decided by itself, since the serving vocabulary does not "
                        + "declare what it was last sent with: {}; it is decided again when the helpdesk sends it",
                        claimed.caseId(), e.errors().stream().map(error -> error.field() + " " + error.message())
                                .collect(Collectors.joining("; ")));
            }
            return false;
        }
        byte[] answer = json.writeValueAsBytes(decision);
        NextEvaluation next = NextEvaluation.after(decision);
        WatchedCaseTable.Recorded recorded = recorded(decision, answer, next);
        List<CaseEvent> events = events(lastDecision(claimed), decision);
        try {
            log.record(decisionRequest, decision, answer, SCHEDULER, () -> {
                if (!table.advance(claimed, instance, recorded, clock.instant())) {
                    throw new Changed();
                }
                publish(events);
            });
        } catch (Changed changed) {
            return false;
        }
        metrics.fired(Duration.between(at, clock.instant()));
        return true;
    }

    private WatchedCaseTable.Recorded recorded(Decision decision, byte[] answer, NextEvaluation next) {
        return new WatchedCaseTable.Recorded(decision.decisionId().toString(), new String(answer, StandardCharsets.UTF_8), decision.evaluatedAt(), next.at(),
                json.writeValueAsString(next.brings()));
    }

    private List<CaseEvent> events(Decision previous, Decision decision) {
        String recordId = decision.decisionId().toString();
        return CaseChanges.between(previous, decision).stream()
                .map(change -> new CaseEvent(ids.next(), change.type(), decision.caseId(), decision.evaluatedAt(),
                        recordId, change.data()))
                .toList();
    }

    /** Synchronously, inside the audit writer's transaction, so listeners write the events in it too. */
    private void publish(List<CaseEvent> events) {
        if (!events.isEmpty()) {
            publisher.publishEvent(new CaseEventsRecorded(events));
        }
    }

    private Decision lastDecision(WatchRow row) {
        return json.readValue(row.lastDecision(), Decision.class);
    }
}
