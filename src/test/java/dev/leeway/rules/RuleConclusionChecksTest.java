package dev.leeway.rules;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leeway.BundledRules;
import dev.leeway.decision.DecisionRequest;
import dev.leeway.facts.ServiceCase;
import dev.leeway.vocabulary.RuleConclusionException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The charter's "escapes are visible, never silent" is enforced on what rules conclude. */
class RuleConclusionChecksTest {

    @Test
    void escapeThatNobodyWouldSeeBeingUsedIsRefusedNamingTheRule() {
        RuleSet silent = new RuleSetCompiler()
                .compile(RuleFiles.read(Path.of("src/test/resources/rulesets/silent-escape")), Instant.now());
        ServiceCase serviceCase = new ServiceCase("C-1", null, null, null, null, null, null, null, null, null, null, null,
                false, null, null, null, null, null, null, null, false, false);

        assertThatThrownBy(() -> BundledRules.deciderOn(silent, 100)
                .decide(new DecisionRequest(serviceCase, null, null, Instant.parse("2026-11-25T10:00:00Z"), null)))
                .isInstanceOf(RuleConclusionException.class)
                .hasMessageContaining("Offers an escape nobody sees being used")
                .hasMessageContaining("silent");
    }
}
