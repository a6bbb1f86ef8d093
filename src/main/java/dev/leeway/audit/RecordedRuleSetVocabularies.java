package dev.leeway.audit;

import dev.leeway.rules.RecordedVocabularies;
import dev.leeway.rules.RuleFile;
import dev.leeway.rules.RuleFiles;
import dev.leeway.terms.Vocabulary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vocabularies of the rule-set versions the audit log keeps, each read from its recorded files
 * as a replay reads them: its {@code vocabulary.yaml}, or the standard vocabulary for a version
 * without one. A version's files never change (the version is their hash), so each is read once.
 */
public class RecordedRuleSetVocabularies implements RecordedVocabularies {

    private final AuditStore store;
    private final JsonMapper json;
    /** Empty for a version whose vocabulary does not read: it never served, so it decided nothing. */
    private final Map<String, Optional<Vocabulary>> read = new ConcurrentHashMap<>();

    public RecordedRuleSetVocabularies(AuditStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public Map<String, Vocabulary> byVersion() {
        Map<String, Vocabulary> vocabularies = new HashMap<>();
        for (String version : store.ruleSetVersions()) {
            read.computeIfAbsent(version, this::vocabularyOf)
                    .ifPresent(vocabulary -> vocabularies.put(version, vocabulary));
        }
        return vocabularies;
    }

    @Override
    public Map<String, Decided> decisionsByVersion() {
        Map<String, Decided> decided = new HashMap<>();
        store.decisionsByRuleSetVersion().forEach((version, by) ->
                decided.put(version, new Decided(by.decisions(), by.lastRecordedAt())));
        return decided;
    }

    private Optional<Vocabulary> vocabularyOf(String version) {
        return store.ruleSetFiles(version).flatMap(files -> {
            List<RuleFile> ruleFiles = json.readValue(files,
                    json.getTypeFactory().constructCollectionType(List.class, RuleFile.class));
            return RuleFiles.vocabulary(ruleFiles).vocabulary();
        });
    }
}
