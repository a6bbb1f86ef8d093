package dev.leeway.audit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.leeway.rules.RuleSetActivation;
import dev.leeway.rules.RuleSetHistory;
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
            String instance, List<FileSummary> files) {

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

        RuleSetActivation activation(Map<String, Map<String, String>> filesByVersion) {
            // The version replaced was activated, and so recorded, before this one; if the log no
            // longer had it, no change is claimed rather than every file called new.
            Map<String, String> before = payload.previousVersion() == null ? Map.of()
                    : filesByVersion.getOrDefault(payload.previousVersion(), files);
            return RuleSetActivation.between(payload.version(), record.recordedAt(), payload.trigger(),
                    payload.requestedBy(), payload.instance(), payload.previousVersion(), before, files);
        }
    }

    @Override
    public List<RuleSetActivation> activations() {
        List<Recorded> recorded = store.ruleSetActivations().stream().map(record -> {
            Activated payload = json.readValue(record.payload(), Activated.class);
            return new Recorded(record, payload, payload.hashes());
        }).toList();
        Map<String, Map<String, String>> filesByVersion = new HashMap<>();
        recorded.forEach(entry -> filesByVersion.putIfAbsent(entry.payload().version(), entry.files()));
        return recorded.stream().map(entry -> entry.activation(filesByVersion)).toList();
    }
}
