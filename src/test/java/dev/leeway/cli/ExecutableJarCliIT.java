package dev.leeway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The commands as a rule repository's CI calls them: {@code java -jar leeway.jar validate|test <dir>}. */
class ExecutableJarCliIT {

    record Run(int exitCode, String output) {}

    @Test
    void validateAndTestPassOnTheBundledRules() throws Exception {
        Run validate = java("validate", "rules");
        Run test = java("test", "rules");

        assertThat(validate.exitCode()).as(validate.output()).isZero();
        assertThat(validate.output()).contains("OK rules:");
        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output().strip()).matches("(?s).*\\d+ passed, 0 failed$");
    }

    @Test
    void validateFailsOnABrokenRuleSet() throws Exception {
        Run run = java("validate", "src/test/resources/rulesets/broken");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("procedures/typo.drl:12:");
    }

    private static Run java(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] command = new String[args.length + 3];
        command[0] = java;
        command[1] = "-jar";
        command[2] = "target/leeway.jar";
        System.arraycopy(args, 0, command, 3, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
