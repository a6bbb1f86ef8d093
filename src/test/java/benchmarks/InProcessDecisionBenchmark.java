package benchmarks;

import dev.leeway.BundledRules;
import dev.leeway.decision.Decider;
import dev.leeway.decision.Decision;
import dev.leeway.decision.DecisionRequest;
import dev.leeway.scenario.Scenario;
import dev.leeway.scenario.ScenarioFiles;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One decision on the bundled charter, in process: rule engine, guardrails and verdict. The input
 * cycles through every bundled scenario's case, so the figure is for the charter's real mix.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InProcessDecisionBenchmark {

    private Decider decider;
    private List<DecisionRequest> requests;
    private int next;

    @Setup
    public void compileBundledRules() {
        decider = BundledRules.decider();
        requests = ScenarioFiles.read(BundledRules.DIRECTORY).stream()
                .flatMap(file -> file.scenarios().stream())
                .map(Scenario::toRequest)
                .toList();
    }

    @Benchmark
    public Decision decide() {
        DecisionRequest request = requests.get(next);
        next = (next + 1) % requests.size();
        return decider.decide(request);
    }
}
