package dev.leeway.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.BundledRules;
import dev.leeway.scenario.Scenario;
import dev.leeway.scenario.ScenarioFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Decisions made at the same time on many threads are the decisions made one by one. */
class ConcurrentDecisionsTest {

    private static final UUID SAME_ID = new UUID(0, 0);

    @Test
    void concurrentDecisionsEqualSequentialOnes() throws Exception {
        Decider decider = BundledRules.decider();
        List<DecisionRequest> requests = ScenarioFiles.read(BundledRules.DIRECTORY).stream()
                .flatMap(file -> file.scenarios().stream())
                .map(Scenario::toRequest)
                .toList();
        List<Decision> sequential = requests.stream().map(decider::decide).map(ConcurrentDecisionsTest::withoutId).toList();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Decision>>> rounds = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                Callable<List<Decision>> round = () -> {
                    List<Decision> results = new ArrayList<>();
                    for (int repeat = 0; repeat < 25; repeat++) {
                        for (DecisionRequest request : requests) {
                            results.add(withoutId(decider.decide(request)));
                        }
                    }
                    return results;
                };
                rounds.add(pool.submit(round));
            }
            for (Future<List<Decision>> round : rounds) {
                List<Decision> results = round.get();
                for (int i = 0; i < results.size(); i++) {
                    assertThat(results.get(i)).isEqualTo(sequential.get(i % requests.size()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(requests).hasSizeGreaterThan(50);
    }

    private static Decision withoutId(Decision d) {
        return new Decision(SAME_ID, d.caseId(), d.evaluatedAt(), d.ruleSet(), d.route(), d.deadlines(), d.escapes(),
                d.permissions(), d.guardrails(), d.obligations(), d.checklist(), d.flags(), d.verdict(), d.firedRules(), false);
    }
}
