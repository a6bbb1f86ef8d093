package dev.leeway.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.decision.Decision;
import dev.leeway.decision.Obligation;
import dev.leeway.decision.RuleSetRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A scenario can expect an obligation by its kind alone, or with its owner and due time, and says how they differ. */
class ObligationExpectationsTest {

    private static final Instant AT = Instant.parse("2026-11-25T13:00:00Z");
    private static final Obligation MANAGER_CONTACT = new Obligation("CONTACT_CUSTOMER", "MANAGER",
            Instant.parse("2026-11-25T10:00:00Z"), "Apologise", "a rule");

    @Test
    void aKindAloneOrAMatchingOwnerAndDueTimePass() {
        assertThat(failuresOf("""
                obligations:
                  - CONTACT_CUSTOMER
                  - { kind: CONTACT_CUSTOMER, owner: MANAGER, due: 2026-11-25T10:00:00Z }
                """)).isEmpty();
    }

    @Test
    void aDifferentDueTimeOrOwnerIsNamed() {
        assertThat(failuresOf("""
                obligations:
                  - { kind: CONTACT_CUSTOMER, due: 2026-11-25T14:00:00Z }
                  - { kind: CONTACT_CUSTOMER, owner: TEAM_LEAD }
                """)).containsExactly(
                "obligation CONTACT_CUSTOMER due: expected 2026-11-25T14:00:00Z but was 2026-11-25T10:00:00Z",
                "expected obligation CONTACT_CUSTOMER owed by TEAM_LEAD among [CONTACT_CUSTOMER owed by MANAGER]");
    }

    private static List<String> failuresOf(String expectation) {
        String file = """
                scenarios:
                  - name: a manager owes a contact
                    at: 2026-11-25T13:00:00Z
                    case: { id: C-1 }
                    expect:
                """ + expectation.indent(6);
        ScenarioFile parsed = ScenarioFiles.parse(new ScenarioSource("tests/obligations.yaml", file));
        Decision decision = new Decision(UUID.randomUUID(), "C-1", AT, new RuleSetRef("sha256:x", AT), null,
                List.of(), List.of(), List.of(), List.of(), List.of(MANAGER_CONTACT), List.of(), List.of(), null,
                List.of(), false);
        return new ScenarioRunner(request -> decision).run(parsed.path(), parsed.scenarios().get(0)).failures();
    }
}
