package benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs Leeway's benchmarks and checks them against the targets: median in-process decision at most
 * 50 µs (JMH), and HTTP decide throughput at least half of a trivial endpoint's, with the audit log
 * off, on H2 and on PostgreSQL ({@link HttpThroughput}; {@code -Dbench.audit=off,h2} leaves
 * PostgreSQL out). Exits non-zero when a target is missed. {@code ./mvnw -q test-compile exec:exec@bench}
 */
public final class LeewayBenchmarks {

    private static final double MEDIAN_TARGET_MICROS = 50.0;
    private static final double THROUGHPUT_RATIO_TARGET = 0.5;

    private LeewayBenchmarks() {}

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        int threads = Integer.getInteger("bench.threads", 4);
        int warmups = Integer.getInteger("bench.warmups", 3);
        int seconds = Integer.getInteger("bench.seconds", 5);
        List<String> auditModes = List.of(System.getProperty("bench.audit", "off,h2,postgresql").split(","));
        double median = percentile50(run(InProcessDecisionBenchmark.class, warmups, "-Xms1g", "-Xmx1g"));
        // Over HTTP far more code has to be compiled by the JIT (Tomcat, Jackson, validation, Drools'
        // own constraint compilation, and with the audit log H2 or the PostgreSQL driver); on two
        // cores the audit modes were still getting faster after a minute of load and level off
        // after about two, so each HTTP target warms up eight times as long.
        HttpThroughput.Measurement http = new HttpThroughput().run(new HttpThroughput.Plan(threads,
                Duration.ofSeconds(seconds), warmups * 8, Integer.getInteger("bench.rounds", 10)), auditModes);

        System.out.printf("%n== Leeway benchmark summary (%d cores, Java %s) ==%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf("in-process decision, median: %.1f µs (target <= %.0f µs) %s%n",
                median, MEDIAN_TARGET_MICROS, verdict(median <= MEDIAN_TARGET_MICROS));
        System.out.printf("%d rounds of %d s per target, %d client threads; figures are medians over rounds "
                + "(smallest–largest)%n", http.slices().get(HttpThroughput.TRIVIAL).size(), seconds, threads);
        System.out.printf("trivial endpoint: %.0f req/s; server CPU %.0f µs per request%n",
                http.medianPerSecond(HttpThroughput.TRIVIAL), http.serverCpuMicrosPerRequest(HttpThroughput.TRIVIAL));
        boolean met = median <= MEDIAN_TARGET_MICROS;
        for (String audit : auditModes) {
            HttpThroughput.MedianRange ratio = http.ratioToTrivial(audit);
            met &= ratio.median() >= THROUGHPUT_RATIO_TARGET;
            System.out.printf("HTTP decide, audit %-10s: %5.0f req/s = %.2f of trivial (%.2f–%.2f; target >= %.2f) %s; "
                    + "server CPU %.0f µs per request%s%s%n",
                    audit, http.medianPerSecond(audit), ratio.median(), ratio.min(), ratio.max(), THROUGHPUT_RATIO_TARGET,
                    verdict(ratio.median() >= THROUGHPUT_RATIO_TARGET), http.serverCpuMicrosPerRequest(audit),
                    "off".equals(audit) ? "" : String.format("; %.2f of decide without audit", http.ratio(audit, "off").median()),
                    http.commits().containsKey(audit) ? "; " + http.commits().get(audit) : "");
        }
        System.out.println("transport-level retries: " + http.transportRetries());
        if (!met) {
            System.exit(1);
        }
    }

    private static Collection<RunResult> run(Class<?> benchmark, int warmups, String... jvmArgs)
            throws RunnerException {
        Options options = new OptionsBuilder()
                .include(benchmark.getName() + ".")
                .forks(1)
                .jvmArgsAppend(jvmArgs)
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

    private static String verdict(boolean met) {
        return met ? "MET" : "MISSED";
    }
}
