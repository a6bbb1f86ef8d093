package dev.leeway.audit;

import dev.leeway.decision.Decision;
import dev.leeway.decision.DecisionIds;
import dev.leeway.decision.DecisionLog;
import dev.leeway.decision.DecisionMetrics;
import dev.leeway.decision.DecisionRequest;
import dev.leeway.decision.Escape;
import dev.leeway.decision.FiredRule;
import dev.leeway.rules.RuleSet;
import dev.leeway.rules.RuleSetActivation;
import dev.leeway.rules.RuleSetActivationListener;
import dev.leeway.rules.RulesOverview;
import dev.leeway.security.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records decisions (input with sensitive fields masked, output, fired rules, rule-set version,
 * caller, time) in the audit log before they are answered, and every rule-set version's contents
 * before it serves.
 */
public class AuditedDecisions implements DecisionLog, RuleSetActivationListener {

    private final AuditStore store;
    private final JsonMapper json;
    private final PayloadMasking masking;
    private final DecisionIds ids;
    private final Clock clock;
    private final DecisionMetrics metrics;

    public AuditedDecisions(AuditStore store, JsonMapper json, AuditProperties properties, DecisionIds ids,
            Clock clock, DecisionMetrics metrics) {
        this.store = store;
        this.json = json;
        this.masking = new PayloadMasking(properties.masking());
        this.ids = ids;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void record(DecisionRequest request, Decision decision, byte[] answer, Caller caller, Runnable alongside) {
        String actorId = request.actor() == null ? null : request.actor().id();
        Object input = masking.isEmpty() ? request : masking.apply(json.valueToTree(request));
        AuditEntry entry = new AuditEntry(decision.decisionId().toString(), RecordKind.DECISION, clock.instant(),
                decision.caseId(), actorId, decision.ruleSet().version(), null,
                DecisionRecords.payload(json, input, new String(answer, StandardCharsets.UTF_8),
                        new DecisionRecord.Caller(caller.name(), caller.issuer(), actorId)),
                decision.firedRules().stream().map(FiredRule::id).filter(Objects::nonNull).distinct().toList(),
                decision.escapes().stream().map(Escape::id).toList(), null);
        store.append(new Append(List.of(entry), alongside));
        // Counted once durable: a refused record (a watched case changed meanwhile) was never answered.
        metrics.recorded(decision);
    }

    /** Keeps the set's files, once per version, before any decision can use it. */
    @Override
    public void activating(RuleSet ruleSet, RuleSetActivation activation) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("version", ruleSet.version());
        payload.put("previousVersion", activation.previousVersion());
        payload.put("trigger", activation.trigger());
        payload.put("requestedBy", activation.requestedBy());
        payload.put("instance", activation.instance());
        payload.put("files", ruleSet.files().stream()
                .map(file -> new RulesOverview.FileSummary(file.path(), file.hash())).toList());
        if (!activation.warnings().isEmpty()) {
            // Kept with the activation, so the history shows what the set retired when it began to serve.
            payload.put("warnings", activation.warnings());
        }
        if (activation.shadowVersion() != null) {
            payload.put("shadowVersion", activation.shadowVersion());
        }
        store.append(List.of(new AuditEntry(ids.next().toString(), RecordKind.RULE_SET_ACTIVATED, clock.instant(), null, null,
                ruleSet.version(), null, json.writeValueAsString(payload), List.of(), List.of(),
                // RuleFile serialises as {"path", "content"}, which is what a replay reads back.
                new AuditEntry.RuleSetContents(ruleSet.version(), json.writeValueAsString(ruleSet.files())))));
    }
}
