package dev.leeway.rules;

import dev.leeway.terms.Dimension;
import dev.leeway.terms.Vocabulary;
import dev.leeway.terms.VocabularyFile;
import dev.leeway.yaml.YamlTree.At;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds each value that a rule set which made recorded decisions declared and a candidate no
 * longer does. Retiring a value is legitimate, so each is a warning rather than a problem: those
 * decisions still replay on their own rule set, but from the moment the candidate serves, requests
 * that send the value are refused. The process owner should not find that out from the helpdesk.
 */
final class VocabularyRemovals {

    private static final Logger log = LoggerFactory.getLogger(VocabularyRemovals.class);

    private final RecordedVocabularies recorded;

    VocabularyRemovals(RecordedVocabularies recorded) {
        this.recorded = recorded;
    }

    /** A value no longer declared, spelled as a recorded rule set declared it, and the versions that did. */
    private record Removal(Dimension dimension, String value, Set<String> versions) {}

    List<RuleWarning> in(RuleSet candidate) {
        try {
            return warnings(candidate);
        } catch (RuntimeException e) {
            // Advisory only: a log that cannot be read now must not keep a sound rule set from
            // serving, but the process owner is told the check was not made.
            log.warn("Could not compare the vocabulary of rule set {} with those of recorded decisions",
                    candidate.version(), e);
            return List.of(new RuleWarning(VocabularyFile.PATH, 1, 1, "the audit log could not be read, so it is "
                    + "not known whether recorded decisions use values this vocabulary no longer declares: "
                    + e.getMessage(), null));
        }
    }

    private List<RuleWarning> warnings(RuleSet candidate) {
        Vocabulary now = candidate.vocabulary();
        Map<String, Removal> removals = new LinkedHashMap<>();
        recorded.byVersion().forEach((version, then) -> {
            for (Dimension dimension : Dimension.values()) {
                for (String value : then.values(dimension)) {
                    if (now.of(dimension).declared(value).isEmpty()) {
                        removals.computeIfAbsent(dimension.key() + ":" + value.toLowerCase(Locale.ROOT),
                                key -> new Removal(dimension, value, new LinkedHashSet<>())).versions().add(version);
                    }
                }
            }
        });
        if (removals.isEmpty()) {
            return List.of();
        }
        Map<String, RecordedVocabularies.Decided> decided = recorded.decisionsByVersion();
        String vocabularyText = candidate.files().stream().filter(file -> VocabularyFile.PATH.equals(file.path()))
                .findFirst().map(RuleFile::content).orElse(null);
        List<RuleWarning> warnings = new ArrayList<>();
        removals.values().stream()
                .sorted(Comparator.comparing(Removal::dimension).thenComparing(Removal::value))
                .forEach(removal -> {
                    List<RecordedVocabularies.Decided> by = removal.versions().stream()
                            .map(decided::get).filter(Objects::nonNull).toList();
                    long decisions = by.stream().mapToLong(RecordedVocabularies.Decided::decisions).sum();
                    if (decisions == 0) {
                        return;
                    }
                    Instant last = by.stream().map(RecordedVocabularies.Decided::lastRecordedAt)
                            .max(Comparator.naturalOrder()).orElseThrow();
                    At at = vocabularyText == null ? new At(1, 1)
                            : VocabularyFile.valuesAt(vocabularyText, removal.dimension());
                    warnings.add(new RuleWarning(VocabularyFile.PATH, at.line(), at.column(),
                            message(removal, decisions, by.size(), last),
                            new RemovedValue(removal.dimension().key(), removal.value(), decisions, last)));
                });
        return warnings;
    }

    private static String message(Removal removal, long decisions, int ruleSets, Instant last) {
        String value = removal.value();
        String recordedUnder = decisions == 1 ? "1 decision recorded under a rule set that declared it, on " + last
                + ", still replays on its own rule set"
                : String.format(Locale.ENGLISH, "%,d", decisions) + " decisions recorded under "
                        + (ruleSets == 1 ? "a rule set" : "rule sets") + " that declared it, the last on " + last
                        + ", still replay on their own rule set";
        return removal.dimension().key() + " " + value + " is no longer declared; " + recordedUnder
                + ", but requests sending " + value + " will be refused, and watched cases sending it wait until "
                + "the helpdesk sends them again";
    }
}
