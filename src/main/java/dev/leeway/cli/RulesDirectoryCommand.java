package dev.leeway.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A command that works on a rules directory given as its argument; exit code 1 when it is not one. */
abstract class RulesDirectoryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RULES_DIR", description = "the rules directory")
    Path directory;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(directory)) {
            out.println("ERROR " + directory + " is not a directory");
            return 1;
        }
        return run(out);
    }

    /** Runs the command on {@link #directory}, reporting to {@code out}; returns the exit code. */
    abstract int run(PrintWriter out);
}
