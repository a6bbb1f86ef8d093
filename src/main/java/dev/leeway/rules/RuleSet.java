package dev.leeway.rules;

import dev.leeway.calendar.Calendars;
import dev.leeway.decision.RuleSetRef;
import dev.leeway.terms.Vocabulary;
import dev.leeway.vocabulary.RuleRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * A compiled, immutable rule set: the files it was built from, their rules and the Drools
 * knowledge base that runs them. Shared by all threads; each evaluation opens its own session.
 *
 * @param rulesByRule each compiled rule's reference, by identity: looked up on every firing, so no key is built
 * @param calendars the calendars business-time deadlines count on, from {@code calendars/*.yaml}
 * @param vocabulary the organisation's words the rules and requests use, from {@code vocabulary.yaml}
 * @param bindsVocabulary whether any file declares the vocabulary global (Drools refuses to set an undeclared one)
 */
public record RuleSet(
        String version,
        Instant loadedAt,
        List<RuleFile> files,
        List<RuleInfo> rules,
        KieBase kieBase,
        Map<Rule, RuleRef> rulesByRule,
        Calendars calendars,
        Vocabulary vocabulary,
        boolean bindsVocabulary) {

    /** The name rule files bind the vocabulary under: {@code global dev.leeway.vocabulary.DecisionDraft decision}. */
    public static final String VOCABULARY_GLOBAL = "decision";

    /** What the set holds, as the log and the CLI say it: "48 rules in 19 files, 2 calendars and its own vocabulary". */
    public String contents() {
        long ruleFiles = files.stream().filter(file -> !RuleFiles.isData(file.path())).count();
        boolean ownVocabulary = RuleFiles.vocabularyFile(files).isPresent();
        return rules.size() + " rules in " + ruleFiles + " files, " + calendars.byName().size() + " calendars and "
                + (ownVocabulary ? "its own vocabulary" : "the standard vocabulary");
    }

    public RuleSetRef ref() {
        return new RuleSetRef(version, loadedAt);
    }

    static String key(String packageName, String ruleName) {
        return packageName + "/" + ruleName;
    }
}
