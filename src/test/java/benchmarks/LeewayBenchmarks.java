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
 * 50 µs, and HTTP decide throughput at least half of a trivial endpoint's on the same server, with
 * the audit log off, on H2 and on PostgreSQL ({@code -Dbench.audit=off,h2} leaves PostgreSQL out).
 * Exits non-zero when a target is missed. {@code ./mvnw -q test-compile exec:exec@bench}
 */
public final class LeewayBenchmarks {

    private static final double MEDIAN_TARGET_MICROS = 50.0;
    private static final double THROUGHPUT_RATIO_TARGET = 0.5;

    private LeewayBenchmarks() {}

    public static void main(String[] args) throws RunnerException {
        int threads = Integer.getInteger("bench.threads", 4);
        int warmups = Integer.getInteger("bench.warmups", 3);
        String[] auditModes = System.getProperty("bench.audit", "off,h2,postgresql").split(",");
        double median = percentile50(run(InProcessDecisionBenchmark.class, 1, warmups, new String[0],
                "-Xms1g", "-Xmx1g"));
        // Over HTTP far more code has to be compiled by the JIT (Tomcat, Jackson, validation, Drools'
        // own constraint compilation, and with the audit log H2 or the PostgreSQL driver); on two
        // cores the audit modes were still getting faster after a minute of load and level off
        // after about two, so the HTTP benchmarks warm up eight times as long.
        Collection<RunResult> http = run(HttpThroughputBenchmark.class, threads, warmups * 8, auditModes,
                // A fixed heap keeps heap growth out of the measurement. The JDK client keeps idle
                // connections for 20 minutes by default, far longer than Tomcat does, and would
                // now and then send a request down a connection the server already closed.
                "-Xms1g", "-Xmx1g", "-Djdk.httpclient.keepalive.timeout=5");
        double trivial = throughput(http, "trivialEndpoint", null);

        System.out.printf("%n== Leeway benchmark summary (%d cores, Java %s) ==%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf("in-process decision, median: %.1f µs (target <= %.0f µs) %s%n",
                median, MEDIAN_TARGET_MICROS, verdict(median <= MEDIAN_TARGET_MICROS));
        System.out.printf("trivial endpoint: %.0f req/s (%d client threads)%n", trivial, threads);
        boolean met = median <= MEDIAN_TARGET_MICROS;
        double withoutAudit = Double.NaN;
        for (String audit : auditModes) {
            double decide = throughput(http, "decideEndpoint", audit);
            double ratio = decide / trivial;
            met &= ratio >= THROUGHPUT_RATIO_TARGET;
            if ("off".equals(audit)) {
                withoutAudit = decide;
            }
            System.out.printf("HTTP decide, audit %-10s: %5.0f req/s = %.2f of trivial (target >= %.2f) %s%s%n",
                    audit, decide, ratio, THROUGHPUT_RATIO_TARGET, verdict(ratio >= THROUGHPUT_RATIO_TARGET),
                    "off".equals(audit) || Double.isNaN(withoutAudit) ? ""
                            : String.format("; %.2f of decide without audit", decide / withoutAudit));
        }
        if (!met) {
            System.exit(1);
        }
    }

    private static Collection<RunResult> run(Class<?> benchmark, int threads, int warmups, String[] auditModes,
            String... jvmArgs) throws RunnerException {
        OptionsBuilder builder = new OptionsBuilder();
        if (auditModes.length > 0) {
            builder.param("audit", auditModes);
        }
        Options options = builder
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

    private static double throughput(Collection<RunResult> results, String method, String audit) {
        return results.stream()
                .filter(result -> result.getParams().getBenchmark().endsWith("." + method))
                .filter(result -> audit == null || audit.equals(result.getParams().getParam("audit")))
                .findFirst()
                .orElseThrow()
                .getPrimaryResult().getScore();
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "MISSED";
    }
}
