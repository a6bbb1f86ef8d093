package dev.leeway.vocabulary;

import dev.leeway.decision.ChecklistItem;
import dev.leeway.decision.Conclusions;
import dev.leeway.decision.Deadline;
import dev.leeway.decision.Escape;
import dev.leeway.decision.Flag;
import dev.leeway.decision.Obligation;
import dev.leeway.decision.Route;
import dev.leeway.calendar.Calendars;
import dev.leeway.facts.ServiceCase;
import dev.leeway.terms.Dimension;
import dev.leeway.terms.Vocabulary;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The vocabulary rule files write their conclusions through, bound as the global {@code decision}.
 * A process owner should be able to read each call aloud:
 * <pre>
 * decision.route("SPECIALIST").heldBy("SPECIALIST");
 * decision.escape("repeat-contact").skip("TIER1_SCRIPT").allow("AGENT").requireJustification();
 * decision.oblige("FOLLOW_UP").withinBusinessDays(2).saying("Call the customer back");
 * </pre>
 * One draft serves one evaluation and is not shared between threads. The engine tells it which
 * rule is firing, so every conclusion names the rule that drew it.
 */
public final class DecisionDraft {

    private final Instant now;
    private final DeadlineDraft.Clocks clocks;
    private final ZoneId zone;
    private final DerivedFacts derivedFacts;
    /** The facts derived from each kind's standing deadline, as the session holds them now. */
    private final Map<String, Map<String, Object>> derivedByKind = new HashMap<>();
    private RuleRef firing;

    private final List<RouteDraft> routes = new ArrayList<>();
    private final List<DeadlineDraft> deadlines = new ArrayList<>();
    /** Kinds whose deadlines the firing rule set or changed, in the order it did. */
    private final Set<String> changedDeadlineKinds = new LinkedHashSet<>();
    private final Map<String, EscapeDraft> escapes = new LinkedHashMap<>();
    private final List<PermissionDraft> permissions = new ArrayList<>();
    private final List<GuardrailDraft> guardrails = new ArrayList<>();
    private final List<ObligationDraft> obligations = new ArrayList<>();
    private final Map<String, ChecklistItem> checklist = new LinkedHashMap<>();
    private final Map<String, Flag> flags = new LinkedHashMap<>();

    /**
     * @param now the evaluation instant
     * @param serviceCase the case decided on: when it opened (the evaluation instant if the helpdesk
     *     did not say), and the statuses it has been in, which deadlines' clocks pause in
     * @param zone the time zone business days are counted in
     * @param calendars the calendars business-time deadlines count open time on
     * @param terms the rule set's vocabulary, whose statuses a clock may pause in
     * @param derivedFacts where facts derived from conclusions go, for other rules to match
     */
    public DecisionDraft(Instant now, ServiceCase serviceCase, ZoneId zone, Calendars calendars, Vocabulary terms,
            DerivedFacts derivedFacts) {
        this.now = Objects.requireNonNull(now);
        Instant openedAt = serviceCase.openedAt() == null ? now : serviceCase.openedAt();
        this.clocks = new DeadlineDraft.Clocks(now, openedAt, new StatusTimeline(serviceCase, now), calendars,
                terms.of(Dimension.STATUS));
        this.zone = zone;
        this.derivedFacts = derivedFacts;
    }

    /** Called by the engine before each rule's consequence runs. */
    public void ruleFiring(RuleRef rule) {
        this.firing = rule;
    }

    /** Proposes where the case should be now. */
    public RouteDraft route(String step) {
        RouteDraft draft = new RouteDraft(step, false, firing, routes.size());
        routes.add(draft);
        return draft;
    }

    /** Moves the case up to the given step because a deadline passed or a condition holds. */
    public RouteDraft escalate(String step) {
        RouteDraft draft = new RouteDraft(step, true, firing, routes.size());
        routes.add(draft);
        return draft;
    }

    public DeadlineDraft deadline(String kind) {
        DeadlineDraft draft = new DeadlineDraft(kind, firing, clocks, this::deadlineChanged);
        deadlines.add(draft);
        return draft;
    }

    /** Offers an escape; offering the same escape again keeps the first offer. */
    public EscapeDraft escape(String id) {
        EscapeDraft draft = new EscapeDraft(id, firing);
        EscapeDraft first = escapes.putIfAbsent(id, draft);
        return first == null ? draft : new EscapeDraft(id, firing);
    }

    public PermissionDraft permit(String action) {
        PermissionDraft draft = new PermissionDraft(action, firing);
        permissions.add(draft);
        return draft;
    }

    /** A guardrail that forbids the action whatever other rules permit. */
    public GuardrailDraft forbid(String action) {
        GuardrailDraft draft = GuardrailDraft.forbidding(action, firing);
        guardrails.add(draft);
        return draft;
    }

    /** A guardrail that attaches a requirement no escape can drop, e.g. {@code FOUR_EYES}. */
    public GuardrailDraft require(String requirement) {
        GuardrailDraft draft = GuardrailDraft.requiring(requirement, firing);
        guardrails.add(draft);
        return draft;
    }

    public ObligationDraft oblige(String kind) {
        ObligationDraft draft = new ObligationDraft(kind, firing, now, zone, this::earliest);
        obligations.add(draft);
        return draft;
    }

    /** Adds items to what a complete answer contains; an item already listed is not repeated. */
    public void checklist(String... items) {
        for (String item : items) {
            checklist.putIfAbsent(item, new ChecklistItem(item, firing.name()));
        }
    }

    public void flag(String flag, String reason) {
        flags.putIfAbsent(flag, new Flag(flag, reason, firing.name()));
    }

    private void deadlineChanged(DeadlineDraft draft) {
        changedDeadlineKinds.add(draft.kind());
    }

    /**
     * Called by the engine once a rule's consequence has run: the facts derived from the deadlines
     * it set or changed are brought in step, once per rule rather than at every step. Takes the rule,
     * as {@link #ruleFiring} does, which also keeps it out of the vocabulary (steps take values only).
     */
    public void ruleConcluded(RuleRef rule) {
        changedDeadlineKinds.forEach(this::keepDerivedFactsInStep);
        changedDeadlineKinds.clear();
    }

    /**
     * Keeps the facts derived from the kind's standing deadline in step with it: a step may make
     * another deadline of the kind stand, or make a passed one not passed. A fact that is already
     * there unchanged is left alone, so rules that matched it do not fire again.
     */
    private void keepDerivedFactsInStep(String kind) {
        DeadlineDraft standing = earliest(kind);
        Map<String, Object> wanted = standing == null ? Map.of() : standing.derivedFacts();
        Map<String, Object> held = derivedByKind.computeIfAbsent(kind, any -> new LinkedHashMap<>());
        for (String key : List.copyOf(held.keySet())) {
            if (!wanted.containsKey(key)) {
                held.remove(key);
                derivedFacts.remove(key);
            }
        }
        wanted.forEach((key, fact) -> {
            if (!fact.equals(held.get(key))) {
                held.put(key, fact);
                derivedFacts.put(key, fact);
            }
        });
    }

    private DeadlineDraft earliest(String kind) {
        DeadlineDraft earliest = null;
        for (DeadlineDraft candidate : deadlines) {
            if (candidate.kind().equals(kind) && candidate.due() != null
                    && (earliest == null || candidate.due().isBefore(earliest.due()))) {
                earliest = candidate;
            }
        }
        return earliest;
    }

    /** Freezes what the rules concluded into immutable values. */
    public Conclusions conclude() {
        return new Conclusions(chosenRoute(), standingDeadlines(),
                escapes.values().stream().map(EscapeDraft::toEscape).toList(),
                permissions.stream().map(PermissionDraft::toPermission).toList(),
                guardrails.stream().map(GuardrailDraft::toGuardrail).toList(),
                standingObligations(),
                List.copyOf(checklist.values()),
                List.copyOf(flags.values()));
    }

    private Route chosenRoute() {
        RouteDraft chosen = null;
        for (RouteDraft candidate : routes) {
            if (chosen == null || candidate.outranks(chosen)) {
                chosen = candidate;
            }
        }
        return chosen == null ? null : chosen.toRoute();
    }

    private List<Deadline> standingDeadlines() {
        Map<String, Deadline> byKind = new LinkedHashMap<>();
        for (DeadlineDraft draft : deadlines) {
            Deadline deadline = draft.toDeadline();
            byKind.merge(deadline.kind(), deadline, (a, b) -> b.due().isBefore(a.due()) ? b : a);
        }
        return List.copyOf(byKind.values());
    }

    /**
     * One obligation per kind and owner, the sooner standing. Owners are kept apart because each owes
     * their own: the manager's contact after a missed resolution is not met by the team lead's
     * overdue one after a missed first response.
     */
    private List<Obligation> standingObligations() {
        Map<List<String>, Obligation> byKindAndOwner = new LinkedHashMap<>();
        for (ObligationDraft draft : obligations) {
            Obligation obligation = draft.toObligation();
            byKindAndOwner.merge(List.of(Objects.toString(obligation.kind()), Objects.toString(obligation.owner())),
                    obligation, DecisionDraft::sooner);
        }
        return List.copyOf(byKindAndOwner.values());
    }

    private static Obligation sooner(Obligation a, Obligation b) {
        if (a.due() == null) {
            return b.due() == null ? a : b;
        }
        return b.due() != null && b.due().isBefore(a.due()) ? b : a;
    }
}
