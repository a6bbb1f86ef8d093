package benchmarks;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs Leeway's benchmarks and checks them against the targets: median in-process decision at most
 * 50 µs, and HTTP decide throughput at least half of a trivial endpoint's on the same server.
 * Exits non-zero when a target is missed. {@code ./mvnw -q test-compile exec:exec@bench}
 */
public final class LeewayBenchmarks {

    private static final double MEDIAN_TARGET_MICROS = 50.0;
    private static final double THROUGHPUT_RATIO_TARGET = 0.5;

    private LeewayBenchmarks() {}

    public static void main(String[] args) throws RunnerException {
        int threads = Integer.getInteger("bench.threads", 4);
        int warmups = Integer.getInteger("bench.warmups", 3);
        double median = percentile50(run(InProcessDecisionBenchmark.class, 1, warmups, "-Xms1g", "-Xmx1g"));
        // Over HTTP far more code has to be compiled by the JIT (Tomcat, Jackson, validation, Drools'
        // own constraint compilation); on two cores that takes about a minute of load, so the HTTP
        // benchmarks warm up four times as long to measure the steady state.
        Collection<RunResult> http = run(HttpThroughputBenchmark.class, threads, warmups * 4,
                // A fixed heap keeps heap growth out of the measurement. The JDK client keeps idle
                // connections for 20 minutes by default, far longer than Tomcat does, and would
                // now and then send a request down a connection the server already closed.
                "-Xms1g", "-Xmx1g", "-Djdk.httpclient.keepalive.timeout=5");
        double decide = throughput(http, "decideEndpoint");
        double trivial = throughput(http, "trivialEndpoint");
        double ratio = decide / trivial;

        System.out.printf("%n== Leeway benchmark summary (%d cores, Java %s) ==%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf("in-process decision, median: %.1f µs (target <= %.0f µs) %s%n",
                median, MEDIAN_TARGET_MICROS, verdict(median <= MEDIAN_TARGET_MICROS));
        System.out.printf("HTTP decide: %.0f req/s; trivial endpoint: %.0f req/s (%d client threads)%n",
                decide, trivial, threads);
        System.out.printf("HTTP decide / trivial: %.2f (target >= %.2f) %s%n",
                ratio, THROUGHPUT_RATIO_TARGET, verdict(ratio >= THROUGHPUT_RATIO_TARGET));
        if (median > MEDIAN_TARGET_MICROS || ratio < THROUGHPUT_RATIO_TARGET) {
            System.exit(1);
        }
    }

    private static Collection<RunResult> run(Class<?> benchmark, int threads, int warmups, String... jvmArgs)
            throws RunnerException {
        Options options = new OptionsBuilder()
                .include(benchmark.getName() + ".")
                .forks(1)
                .jvmArgsAppend(jvmArgs)
                .threads(threads)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(Integer.getInteger("bench.seconds", 5)))
                .measurementIterations(Integer.getInteger("bench.iterations", 5))
                .measurementTime(TimeValue.seconds(Integer.getInteger("bench.seconds", 5)))
                .build();
        return new Runner(options).run();
    }

    private static double percentile50(Collection<RunResult> results) {
        return results.iterator().next().getPrimaryResult().getStatistics().getPercentile(50);
    }

    private static double throughput(Collection<RunResult> results, String method) {
        return results.stream()
                .filter(result -> result.getParams().getBenchmark().endsWith("." + method))
                .findFirst()
                .orElseThrow()
                .getPrimaryResult().getScore();
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "MISSED";
    }
}
