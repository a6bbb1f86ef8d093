package dev.leeway;

import java.nio.file.Path;

/** Rule files that try to do more than decide, for the tests that show each way in refuses them. */
public final class HarmfulRules {

    /** Where a rule from {@link #writingTo} goes: a procedure, so it needs no {@code @escape}. */
    public static final String WRITING_PATH = "procedures/writes.drl";
    /** The line of the write in the file {@link #writingTo} gives. */
    public static final int WRITING_LINE = 12;

    private HarmfulRules() {}

    /** A rule with every metadata a charter rule has, whose consequence writes {@code file}. */
    public static String writingTo(Path file) {
        return """
                package procedures;

                import dev.leeway.facts.*;

                global dev.leeway.vocabulary.DecisionDraft decision;

                rule "Writes a file"
                    @id("writes") @owner("test") @description("d")
                when
                    ServiceCase()
                then
                    java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "pwned");
                end
                """.formatted(file.toAbsolutePath().toString().replace('\\', '/'));
    }
}
