package dev.leeway.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/rules}: the rule set serving now, its files and rules, and the last refused
 * candidate if a change did not take.
 */
public record RulesOverview(
        String version,
        Instant loadedAt,
        List<FileSummary> files,
        List<RuleInfo> rules,
        @JsonInclude(JsonInclude.Include.NON_NULL) Rejection refused) {

    /** A rule file and its content hash. */
    public record FileSummary(String path, String hash) {}

    static RulesOverview of(ActiveRuleSet active) {
        Rejection refused = active.lastRejection().orElse(null);
        return active.current()
                .map(set -> new RulesOverview(set.version(), set.loadedAt(),
                        set.files().stream().map(file -> new FileSummary(file.path(), file.hash())).toList(),
                        set.rules(), refused))
                .orElseGet(() -> new RulesOverview(null, null, List.of(), List.of(), refused));
    }
}
