package dev.leeway.terms;

import dev.leeway.yaml.FileProblem;
import dev.leeway.yaml.YamlTree;
import dev.leeway.yaml.YamlTree.At;
import dev.leeway.yaml.YamlTree.Entry;
import dev.leeway.yaml.YamlTree.Mapping;
import dev.leeway.yaml.YamlTree.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;

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

    private static final At FIRST_LINE = new At(1, 1);

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

    /**
     * Where a dimension's {@code values} list stands in a vocabulary file, for reports about the
     * values; the top of the file when it cannot be found there.
     */
    public static At valuesAt(String content, Dimension dimension) {
        try {
            if (!(YamlTree.read(content) instanceof Mapping root)) {
                return FIRST_LINE;
            }
            return entry(root, dimension.key())
                    .flatMap(section -> section instanceof Mapping mapping ? entry(mapping, "values") : Optional.empty())
                    .map(Node::at).orElse(FIRST_LINE);
        } catch (JacksonException unreadable) {
            return FIRST_LINE;
        }
    }

    private static Optional<Node> entry(Mapping mapping, String key) {
        return mapping.entries().stream().filter(entry -> key.equals(entry.key().text())).findFirst().map(Entry::value);
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
