package dev.leeway.cli;

import ch.qos.logback.classic.Level;
import java.io.PrintWriter;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The offline commands of {@code leeway.jar}, for rule repositories' own CI:
 * {@code java -jar leeway.jar validate <rules dir>} and {@code … test <rules dir>}. They run the
 * same checks as the service, without starting it.
 */
@Command(name = "leeway", mixinStandardHelpOptions = true, version = "leeway 0.1.0",
        description = "Checks a Leeway rules directory offline.",
        subcommands = {ValidateCommand.class, TestCommand.class})
public final class LeewayCli {

    private static final Set<String> COMMANDS = Set.of("validate", "test", "--help", "-h", "--version", "-V");

    /** Whether these arguments ask for a CLI command rather than the service. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int execute(String[] args) {
        return execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        quietLogging();
        return new CommandLine(new LeewayCli()).setOut(out).setErr(err).execute(args);
    }

    /** Without Spring's logging set-up, Drools would log every build step at DEBUG into the report. */
    private static void quietLogging() {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(Level.WARN);
        }
    }
}
