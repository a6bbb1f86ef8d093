package dev.leeway.coverage;

import dev.leeway.audit.RecordedFirings;
import dev.leeway.audit.RecordedFirings.Named;
import dev.leeway.escape.EscapeUseCounts;
import dev.leeway.escape.EscapeUseCounts.Counted;
import dev.leeway.rules.ActiveRuleSet;
import dev.leeway.rules.RuleInfo;
import dev.leeway.rules.RuleSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Puts the serving rule set beside what the audit log's indexes say fired and was offered, and
 * what the escape-use table says was used and reviewed. Three grouped queries; no payload is read.
 */
@Component
public class RuleCoverageReport {

    private static final Named NEVER = new Named(0, null);
    private static final Counted UNUSED = new Counted(0, 0, 0);

    private final ActiveRuleSet active;
    private final RecordedFirings firings;
    private final EscapeUseCounts uses;

    public RuleCoverageReport(ActiveRuleSet active, RecordedFirings firings, EscapeUseCounts uses) {
        this.active = active;
        this.firings = firings;
        this.uses = uses;
    }

    public RuleCoverage between(Instant from, Instant to) {
        RuleSet serving = active.require();
        Map<String, Named> fired = firings.rulesFired(from, to);
        Map<String, RuleInfo> served = new LinkedHashMap<>();
        serving.rules().stream()
                .filter(rule -> rule.id() != null)
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .forEach(rule -> served.putIfAbsent(rule.id(), rule));

        List<RuleCoverage.Rule> rules = served.values().stream().map(rule -> {
            Named named = fired.getOrDefault(rule.id(), NEVER);
            return new RuleCoverage.Rule(rule.id(), rule.file(), named.decisions(), named.lastRecordedAt());
        }).toList();
        List<String> neverFired = rules.stream().filter(rule -> rule.fired() == 0).map(RuleCoverage.Rule::id).toList();
        List<RuleCoverage.Rule> noLongerServed = fired.entrySet().stream()
                .filter(entry -> !served.containsKey(entry.getKey()))
                .map(entry -> new RuleCoverage.Rule(entry.getKey(), null, entry.getValue().decisions(),
                        entry.getValue().lastRecordedAt()))
                .toList();

        return new RuleCoverage(serving.version(), from, to, firings.decisions(from, to), rules, neverFired,
                noLongerServed, escapes(serving, from, to));
    }

    private List<RuleCoverage.Escape> escapes(RuleSet serving, Instant from, Instant to) {
        Map<String, Named> offered = firings.escapesOffered(from, to);
        Map<String, Counted> used = uses.byEscape(from, to);
        TreeSet<String> servedEscapes = new TreeSet<>();
        serving.rules().stream()
                .map(rule -> rule.metadata().get("escape"))
                .filter(Objects::nonNull)
                .map(Object::toString)
                .forEach(servedEscapes::add);
        TreeSet<String> all = new TreeSet<>(servedEscapes);
        all.addAll(offered.keySet());
        all.addAll(used.keySet());
        return all.stream().map(id -> {
            Counted counted = used.getOrDefault(id, UNUSED);
            return new RuleCoverage.Escape(id, servedEscapes.contains(id), offered.getOrDefault(id, NEVER).decisions(),
                    counted.used(), counted.approved(), counted.flagged());
        }).toList();
    }
}
