package dev.leeway.rules;

import dev.leeway.terms.Vocabulary;
import java.time.Instant;
import java.util.Map;

/**
 * The vocabularies of the rule sets that decided recorded decisions, as the audit log keeps them:
 * what {@link VocabularyRemovals} compares a candidate with. The audit package provides it; without
 * an audit log there is nothing to compare with.
 */
public interface RecordedVocabularies {

    /** Nothing recorded. */
    RecordedVocabularies NONE = new RecordedVocabularies() {
        @Override
        public Map<String, Vocabulary> byVersion() {
            return Map.of();
        }

        @Override
        public Map<String, Decided> decisionsByVersion() {
            return Map.of();
        }
    };

    /** How many decisions a rule-set version made, and when the last of them was recorded. */
    record Decided(long decisions, Instant lastRecordedAt) {}

    /** The vocabulary of every rule-set version whose files the log keeps, by version. */
    Map<String, Vocabulary> byVersion();

    /** For each version that decided anything, by version: one grouped read, however many decisions. */
    Map<String, Decided> decisionsByVersion();
}
