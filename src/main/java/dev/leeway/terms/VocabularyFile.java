package dev.leeway.terms;

import dev.leeway.yaml.FileProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A rule set's {@code vocabulary.yaml}, at the top of the rules directory. A rule set without one
 * speaks the standard vocabulary, today's values without aliases, so that rule sets written before
 * vocabularies existed (and the decisions recorded under them) still read as they did.
 */
public final class VocabularyFile {

    public static final String PATH = "vocabulary.yaml";
    private static final String STANDARD_RESOURCE = "standard-vocabulary.yaml";

    /** The vocabulary of a rule set that has no {@value #PATH}. */
    public static final Vocabulary STANDARD = parse(PATH, standardText()).vocabulary()
            .orElseThrow(() -> new IllegalStateException("the standard vocabulary does not read"));

    private VocabularyFile() {}

    /** The vocabulary and every problem found in it; no vocabulary when there is a problem. */
    public record Parsed(Optional<Vocabulary> vocabulary, List<FileProblem> problems) {

        public Parsed {
            problems = List.copyOf(problems);
        }
    }

    /** Whether a rule-set path is the vocabulary ({@code .yml} is read too, to be told its name is wrong). */
    public static boolean isVocabulary(String path) {
        return PATH.equals(path) || "vocabulary.yml".equals(path);
    }

    public static Parsed parse(String path, String content) {
        if (!PATH.equals(path)) {
            return new Parsed(Optional.empty(), List.of(new FileProblem(path, 1, 1, "the vocabulary is named " + PATH)));
        }
        return VocabularyParser.parse(path, content);
    }

    private static String standardText() {
        try (InputStream in = VocabularyFile.class.getResourceAsStream(STANDARD_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(STANDARD_RESOURCE + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
