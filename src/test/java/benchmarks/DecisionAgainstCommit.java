package benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The in-process decision of this checkout against the same benchmark built from another commit,
 * measured in one run: the other commit is checked out into a git worktree and compiled there, and
 * the two take turns, one JMH fork each per round, so that the machine's drift falls on both.
 * Each side decides its own bundled charter's scenarios, as {@link InProcessDecisionBenchmark}
 * does. Reports the median of the rounds' ratios (this checkout over the other) with its range, and
 * exits non-zero above {@code bench.compare.limit}.
 * {@code ./mvnw -q test-compile exec:exec@against-commit -Dbench.compare.commit=HEAD~1}; see docs/benchmarks.md.
 */
final class DecisionAgainstCommit {

    private static final JsonMapper JSON = new JsonMapper();

    /** One side of the comparison: a checkout and the class path its benchmark runs on. */
    private record Side(String name, Path checkout, String classPath) {}

    private DecisionAgainstCommit() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        String commit = System.getProperty("bench.compare.commit", "HEAD~1");
        int rounds = Integer.getInteger("bench.rounds", 5);
        double limit = Double.parseDouble(System.getProperty("bench.compare.limit", "1.2"));
        Path here = Path.of("").toAbsolutePath();
        Path worktree = Files.createTempDirectory("leeway-baseline-");
        run(here, "git", "worktree", "add", "--detach", worktree.toString(), commit);
        boolean met;
        try {
            Side baseline = new Side(commit, worktree, build(worktree));
            Side current = new Side("this checkout", here, System.getProperty("java.class.path"));
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                // Which side goes first alternates, so neither always runs on a warmer or cooler machine.
                boolean baselineFirst = round % 2 == 0;
                double first = median(baselineFirst ? baseline : current);
                double second = median(baselineFirst ? current : baseline);
                double baselineMedian = baselineFirst ? first : second;
                double currentMedian = baselineFirst ? second : first;
                ratios.add(currentMedian / baselineMedian);
                System.out.printf("round %d: %s %.1f µs, %s %.1f µs, ratio %.2f%n", round + 1, commit, baselineMedian,
                        current.name(), currentMedian, currentMedian / baselineMedian);
            }
            List<Double> sorted = ratios.stream().sorted().toList();
            int middle = sorted.size() / 2;
            double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
            System.out.printf("%n== In-process decision, this checkout against %s (%d rounds) ==%n", commit, rounds);
            System.out.printf("ratio of medians: %.2f (%.2f–%.2f; limit <= %.1f) %s%n", median, sorted.get(0),
                    sorted.get(sorted.size() - 1), limit, median <= limit ? "MET" : "MISSED");
            met = median <= limit;
        } finally {
            run(here, "git", "worktree", "remove", "--force", worktree.toString());
        }
        if (!met) {
            System.exit(1);
        }
    }

    /** Compiles the other commit's code and tests, and returns the class path its benchmark runs on. */
    private static String build(Path checkout) throws IOException, InterruptedException {
        Path classPathFile = checkout.resolve("target/benchmark-classpath.txt");
        run(checkout, checkout.resolve("mvnw").toString(), "-q", "test-compile", "dependency:build-classpath",
                "-Dmdep.includeScope=test", "-Dmdep.outputFile=" + classPathFile);
        return String.join(File.pathSeparator, checkout.resolve("target/test-classes").toString(),
                checkout.resolve("target/classes").toString(),
                Files.readString(classPathFile, StandardCharsets.UTF_8).strip());
    }

    /** One JMH fork of the benchmark on the side's class path, in its checkout (for its rules directory). */
    private static double median(Side side) throws IOException, InterruptedException {
        Path result = Files.createTempFile("leeway-jmh-", ".json");
        String seconds = System.getProperty("bench.seconds", "5");
        run(side.checkout(), Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                side.classPath(), "org.openjdk.jmh.Main", InProcessDecisionBenchmark.class.getName(), "-f", "1",
                "-jvmArgsAppend", "-Xms1g -Xmx1g", "-wi", System.getProperty("bench.warmups", "3"), "-w", seconds + "s",
                "-i", System.getProperty("bench.iterations", "5"), "-r", seconds + "s", "-rf", "json", "-rff",
                result.toString());
        JsonNode percentiles = JSON.readTree(result.toFile()).get(0).path("primaryMetric").path("scorePercentiles");
        Files.delete(result);
        return percentiles.path("50.0").asDouble();
    }

    private static void run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed in " + directory + " with exit code "
                    + process.exitValue());
        }
    }
}
