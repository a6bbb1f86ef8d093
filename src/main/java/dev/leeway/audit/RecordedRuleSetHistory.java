package dev.leeway.audit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.leeway.rules.HistoryPage;
import dev.leeway.rules.RuleSetActivation;
import dev.leeway.rules.RuleSetHistory;
import dev.leeway.rules.RuleWarning;
import dev.leeway.rules.RulesOverview.FileSummary;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule-set history as the audit log holds it: every activation is recorded there before the
 * set serves ({@link AuditedDecisions#activating}), so the history survives restarts and covers
 * every instance that shares the log.
 */
public class RecordedRuleSetHistory implements RuleSetHistory {

    private final AuditStore store;
    private final JsonMapper json;

    public RecordedRuleSetHistory(AuditStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /** What an activation record's payload says (see {@link AuditedDecisions#activating}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Activated(String version, String previousVersion, String trigger, String requestedBy,
            String instance, List<FileSummary> files, List<RuleWarning> warnings, String shadowVersion) {

        Map<String, String> hashes() {
            return files.stream().collect(Collectors.toMap(FileSummary::path, FileSummary::hash, (a, b) -> a,
                    LinkedHashMap::new));
        }
    }

    /** Nothing to add: the activation was recorded before the set began to serve. */
    @Override
    public void record(RuleSetActivation activation) {}

    /** One activation record, its payload read and its files by path. */
    private record Recorded(StoredRecord record, Activated payload, Map<String, String> files) {

        RuleSetActivation activation(Map<String, String> before) {
            return RuleSetActivation.between(payload.version(), record.recordedAt(), payload.trigger(),
                    payload.requestedBy(), payload.instance(), payload.previousVersion(), before, files)
                    .withWarnings(payload.warnings()).withShadow(payload.shadowVersion());
        }
    }

    @Override
    public HistoryPage page(String cursor, int limit) {
        List<StoredRecord> found = store.ruleSetActivations(PageCursor.RULE_SET_ACTIVATIONS.position(cursor), limit + 1);
        List<Recorded> page = found.stream().limit(limit).map(this::read).toList();
        // A version's files are the same in each of its activations (the version is their hash), so
        // the version an activation replaced is read from the page or, once, from the log.
        Map<String, Map<String, String>> filesByVersion = new HashMap<>();
        page.forEach(entry -> filesByVersion.putIfAbsent(entry.payload().version(), entry.files()));
        List<RuleSetActivation> items = page.stream().map(entry -> {
            String previous = entry.payload().previousVersion();
            if (previous == null) {
                return entry.activation(Map.of());
            }
            // The version replaced was activated, and so recorded, before this one; if the log no
            // longer had it, no change is claimed rather than every file called new.
            Map<String, String> before = filesByVersion.computeIfAbsent(previous, version -> store
                    .ruleSetActivation(version).map(record -> read(record).files()).orElse(null));
            return entry.activation(before == null ? entry.files() : before);
        }).toList();
        return new HistoryPage(items, found.size() > limit
                ? PageCursor.RULE_SET_ACTIVATIONS.before(page.get(limit - 1).record().position()) : null);
    }

    private Recorded read(StoredRecord record) {
        Activated payload = json.readValue(record.payload(), Activated.class);
        return new Recorded(record, payload, payload.hashes());
    }
}
