package dev.leeway.watch;

import dev.leeway.decision.Deadline;
import dev.leeway.decision.DeadlineWarning;
import dev.leeway.decision.Decision;
import dev.leeway.decision.EscalationLevel;
import dev.leeway.decision.Obligation;
import dev.leeway.decision.Route;
import dev.leeway.event.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a watched case's new decision brought that its previous one had not: a warning newly
 * reached, a deadline newly passed, a role newly taking the case (by a level or by the route), an
 * obligation newly come due. Without a previous decision (the first PUT), everything already so is new.
 */
final class CaseChanges {

    record Change(EventType type, WatchEventData data) {}

    private CaseChanges() {}

    static List<Change> between(Decision previous, Decision next) {
        String decisionId = next.decisionId().toString();
        List<Change> changes = new ArrayList<>();
        Set<String> escalatedTo = new LinkedHashSet<>();
        for (Deadline deadline : next.deadlines()) {
            Optional<Deadline> before = previous == null ? Optional.empty() : deadline(previous, deadline.kind());
            for (DeadlineWarning warning : deadline.warnings()) {
                boolean reachedBefore = before.stream().flatMap(d -> d.warnings().stream())
                        .anyMatch(w -> w.percent() == warning.percent() && w.reached());
                if (warning.reached() && !reachedBefore) {
                    changes.add(new Change(EventType.DEADLINE_WARNING, new WatchEventData(decisionId, deadline.kind(),
                            deadline.due(), warning.percent(), null, null)));
                }
            }
            if (deadline.passed() && before.map(d -> !d.passed()).orElse(true)) {
                changes.add(new Change(EventType.DEADLINE_BREACHED, new WatchEventData(decisionId, deadline.kind(),
                        deadline.due(), null, deadline.escalateTo(), null)));
            }
            for (EscalationLevel level : deadline.levels()) {
                boolean reachedBefore = before.stream().flatMap(d -> d.levels().stream())
                        .anyMatch(l -> l.percent() == level.percent() && l.reached());
                if (level.reached() && !reachedBefore) {
                    escalatedTo.add(level.escalateTo());
                    changes.add(new Change(EventType.CASE_ESCALATED, new WatchEventData(decisionId, deadline.kind(),
                            deadline.due(), level.percent(), level.escalateTo(), null)));
                }
            }
        }
        // One escalation to a role is one event, whether a level or the route says so.
        Route route = next.route();
        if (newlyEscalated(previous == null ? null : previous.route(), route) && !escalatedTo.contains(route.role())) {
            changes.add(new Change(EventType.CASE_ESCALATED, new WatchEventData(decisionId, route.step(), null, null,
                    route.role(), null)));
        }
        cameDue(previous, next).forEach(obligation -> changes.add(new Change(EventType.OBLIGATION_DUE,
                new WatchEventData(decisionId, obligation.kind(), obligation.due(), null, null, obligation.owner()))));
        return changes;
    }

    private static Optional<Deadline> deadline(Decision decision, String kind) {
        return decision.deadlines().stream().filter(d -> Objects.equals(d.kind(), kind)).findFirst();
    }

    private static boolean newlyEscalated(Route before, Route now) {
        if (now == null || !now.escalated()) {
            return false;
        }
        return before == null || !before.escalated() || !Objects.equals(before.role(), now.role());
    }

    /**
     * Obligations either decision holds whose due time lies after the previous evaluation and no later
     * than this one: the previous decision's come due by the passing of time, this one's if already due.
     */
    private static List<Obligation> cameDue(Decision previous, Decision next) {
        Instant since = previous == null ? null : previous.evaluatedAt();
        Instant until = next.evaluatedAt();
        Stream<Obligation> both = Stream.concat(previous == null ? Stream.empty() : previous.obligations().stream(),
                next.obligations().stream());
        Set<List<Object>> seen = new LinkedHashSet<>();
        return both.filter(o -> o.due() != null && !o.due().isAfter(until) && (since == null || o.due().isAfter(since)))
                .filter(o -> seen.add(List.of(Objects.toString(o.kind()), Objects.toString(o.owner()), o.due())))
                .toList();
    }
}
