package benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
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
 * 50 µs (JMH), and recording that costs at most as much as deciding: CPU per decision over HTTP
 * with the audit log on at most twice that with it off, on H2 and on PostgreSQL (its database
 * server's CPU included), at each number of concurrent clients ({@link HttpThroughput}). Exits
 * non-zero when a target is missed. {@code ./mvnw -q test-compile exec:exec@bench}; see
 * docs/benchmarks.md.
 */
public final class LeewayBenchmarks {

    private static final double MEDIAN_TARGET_MICROS = 50.0;
    private static final double CPU_RATIO_TARGET = 2.0;

    private LeewayBenchmarks() {}

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        List<Integer> clients = Arrays.stream(System.getProperty("bench.clients", "4,16").split(","))
                .map(Integer::valueOf).toList();
        int warmups = Integer.getInteger("bench.warmups", 3);
        int seconds = Integer.getInteger("bench.seconds", 5);
        List<String> auditModes = List.of(System.getProperty("bench.audit", "off,h2,postgresql").split(","));
        double median = percentile50(run(InProcessDecisionBenchmark.class, warmups, "-Xms1g", "-Xmx1g"));
        // Over HTTP far more code has to be compiled by the JIT (Tomcat, Jackson, validation, Drools'
        // own constraint compilation, and with the audit log H2 or the PostgreSQL driver), so each
        // HTTP load warms up longer than the in-process benchmark.
        HttpThroughput.Measurement http = new HttpThroughput().run(new HttpThroughput.Plan(clients,
                Duration.ofSeconds(seconds), warmups * 2, Integer.getInteger("bench.rounds", 10)), auditModes);

        System.out.printf("%n== Leeway benchmark summary (%d cores, Java %s) ==%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf("in-process decision, median: %.1f µs (target <= %.0f µs) %s%n",
                median, MEDIAN_TARGET_MICROS, verdict(median <= MEDIAN_TARGET_MICROS));
        System.out.printf("HTTP decide: %d rounds of %d s per load; CPU per decision is the server's, plus the "
                + "database server's for PostgreSQL; ratios are medians over rounds (smallest–largest)%n",
                Integer.getInteger("bench.rounds", 10), seconds);
        boolean met = median <= MEDIAN_TARGET_MICROS;
        for (HttpThroughput.Load load : http.slices().keySet()) {
            String ratio = "";
            if (!load.audit().equals(HttpThroughput.OFF)) {
                HttpThroughput.MedianRange toOff = http.cpuRatioToOff(load);
                met &= toOff.median() <= CPU_RATIO_TARGET;
                ratio = String.format(" = %.2f× audit off (%.2f–%.2f; target <= %.1f) %s", toOff.median(), toOff.min(),
                        toOff.max(), CPU_RATIO_TARGET, verdict(toOff.median() <= CPU_RATIO_TARGET));
            }
            System.out.printf("%-16s: %5.0f req/s, CPU per decision %4.0f µs (server %.0f, database %.0f)%s%n", load,
                    http.medianPerSecond(load),
                    http.serverCpuMicrosPerRequest(load) + http.databaseCpuMicrosPerRequest(load),
                    http.serverCpuMicrosPerRequest(load), http.databaseCpuMicrosPerRequest(load), ratio);
        }
        http.commits().forEach((audit, commits) -> System.out.printf("%s: %s%n", audit, commits));
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
