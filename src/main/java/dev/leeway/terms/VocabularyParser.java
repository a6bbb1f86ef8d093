package dev.leeway.terms;

import dev.leeway.yaml.FileProblem;
import dev.leeway.yaml.YamlTree;
import dev.leeway.yaml.YamlTree.At;
import dev.leeway.yaml.YamlTree.Entry;
import dev.leeway.yaml.YamlTree.Mapping;
import dev.leeway.yaml.YamlTree.Node;
import dev.leeway.yaml.YamlTree.Scalar;
import dev.leeway.yaml.YamlTree.Sequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;

/**
 * Reads {@code vocabulary.yaml} and reports every problem in it at its line and column: each of
 * the five dimensions is a section with its {@code values} (ranked ones from the highest down) and
 * optionally a {@code default}; {@code status} also says which values are {@code closed} and which
 * {@code confirmsSolution}; {@code attributes} types case attributes; {@code sources} gives each
 * source system's aliases.
 */
final class VocabularyParser {

    private static final String ATTRIBUTES = "attributes";
    private static final String SOURCES = "sources";
    private static final Set<String> SECTION_KEYS = Set.of("values", "default");
    private static final Set<String> STATUS_KEYS = Set.of("values", "default", "closed", "confirmsSolution");
    private static final Set<String> ATTRIBUTE_KEYS = Set.of("type", "values");

    private final String path;
    private final List<FileProblem> problems = new ArrayList<>();
    private final Map<Dimension, Terms> terms = new EnumMap<>(Dimension.class);
    private final Set<String> closed = new LinkedHashSet<>();
    private final Set<String> confirmsSolution = new LinkedHashSet<>();
    private final Map<String, Attribute> attributes = new LinkedHashMap<>();
    private final Map<String, SourceAliases> sources = new LinkedHashMap<>();

    private VocabularyParser(String path) {
        this.path = path;
    }

    static VocabularyFile.Parsed parse(String path, String content) {
        VocabularyParser parser = new VocabularyParser(path);
        Optional<Vocabulary> vocabulary = parser.vocabulary(content);
        return new VocabularyFile.Parsed(parser.problems.isEmpty() ? vocabulary : Optional.empty(),
                List.copyOf(parser.problems));
    }

    private Optional<Vocabulary> vocabulary(String content) {
        Node root;
        try {
            root = YamlTree.read(content);
        } catch (JacksonException e) {
            problem(At.of(e.getLocation()), "not readable as YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
            return Optional.empty();
        }
        if (!(root instanceof Mapping mapping)) {
            problem(root == null ? new At(1, 1) : root.at(), "the vocabulary is a mapping with the sections "
                    + sectionNames() + " (and optionally " + ATTRIBUTES + " and " + SOURCES + ")");
            return Optional.empty();
        }
        Map<String, Entry> sections = new LinkedHashMap<>();
        for (Entry entry : mapping.entries()) {
            String key = entry.key().text();
            boolean known = dimension(key).isPresent() || ATTRIBUTES.equals(key) || SOURCES.equals(key);
            if (!known) {
                problem(entry.key().at(), "unknown section \"" + key + "\"; the vocabulary has " + sectionNames()
                        + ", " + ATTRIBUTES + " and " + SOURCES);
            } else if (sections.putIfAbsent(key, entry) != null) {
                problem(entry.key().at(), "\"" + key + "\" is given twice");
            }
        }
        for (Dimension dimension : Dimension.values()) {
            Entry section = sections.get(dimension.key());
            if (section == null) {
                problem(mapping.at(), "the vocabulary has no " + dimension.key() + " section (e.g. " + dimension.key()
                        + ": {values: [...]})");
            } else {
                section(dimension, section.value());
            }
        }
        if (sections.containsKey(ATTRIBUTES)) {
            attributes(sections.get(ATTRIBUTES).value());
        }
        if (sections.containsKey(SOURCES)) {
            sources(sections.get(SOURCES).value());
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Vocabulary(terms, closed, confirmsSolution, attributes, sources));
    }

    private void section(Dimension dimension, Node node) {
        Set<String> allowedKeys = dimension == Dimension.STATUS ? STATUS_KEYS : SECTION_KEYS;
        Optional<Mapping> section = mapping(node, dimension.key() + " is a mapping with values"
                + (dimension.ranked() ? " (listed from the highest down)" : "") + " and optionally a default");
        if (section.isEmpty()) {
            return;
        }
        Map<String, Node> keys = keys(section.get(), allowedKeys, dimension.key());
        if (!keys.containsKey("values")) {
            problem(section.get().at(), dimension.key() + " has no values");
            return;
        }
        List<Scalar> written = texts(keys.get("values"), dimension.key() + " values");
        List<String> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Scalar value : written) {
            if (!seen.add(value.text().toLowerCase(Locale.ROOT))) {
                problem(value.at(), dimension.key() + " value \"" + value.text() + "\" is listed twice"
                        + " (values are matched without regard to case)");
            } else {
                values.add(value.text());
            }
        }
        if (values.isEmpty()) {
            problem(keys.get("values").at(), dimension.key() + " declares no values");
            return;
        }
        Terms declared = new Terms(dimension, values, null);
        String defaultValue = null;
        if (keys.containsKey("default")) {
            defaultValue = oneOf(keys.get("default"), declared, dimension.key() + " default").orElse(null);
        }
        terms.put(dimension, new Terms(dimension, values, defaultValue));
        if (dimension == Dimension.STATUS) {
            meaning(keys.get("closed"), declared, "closed", closed);
            meaning(keys.get("confirmsSolution"), declared, "confirmsSolution", confirmsSolution);
        }
    }

    private void meaning(Node node, Terms statuses, String name, Set<String> into) {
        if (node == null) {
            return;
        }
        for (Scalar status : texts(node, "status " + name)) {
            statusNamed(status, statuses, "status " + name).ifPresent(into::add);
        }
    }

    private void attributes(Node node) {
        Optional<Mapping> section = mapping(node, ATTRIBUTES + " maps each attribute's name to its type,"
                + " e.g. segment: {type: text, values: [SMB, ENTERPRISE]}");
        if (section.isEmpty()) {
            return;
        }
        for (Entry entry : section.get().entries()) {
            String name = entry.key().text();
            Optional<Mapping> declaration = mapping(entry.value(), "attribute " + name + " is a mapping with a type ("
                    + typeNames() + ") and, for text, optionally values");
            if (declaration.isEmpty()) {
                continue;
            }
            Map<String, Node> keys = keys(declaration.get(), ATTRIBUTE_KEYS, "attribute " + name);
            if (!keys.containsKey("type")) {
                problem(declaration.get().at(), "attribute " + name + " has no type (" + typeNames() + ")");
                continue;
            }
            Optional<AttributeType> type = text(keys.get("type"), "attribute " + name + " type").flatMap(written -> {
                Optional<AttributeType> known = Arrays.stream(AttributeType.values())
                        .filter(candidate -> candidate.name().equalsIgnoreCase(written.text())).findFirst();
                if (known.isEmpty()) {
                    problem(written.at(), "attribute " + name + " has type \"" + written.text() + "\"; a type is one of "
                            + typeNames());
                }
                return known;
            });
            List<String> values = keys.containsKey("values")
                    ? texts(keys.get("values"), "attribute " + name + " values").stream().map(Scalar::text).toList()
                    : List.of();
            if (type.isPresent() && type.get() != AttributeType.TEXT && keys.containsKey("values")) {
                problem(keys.get("values").at(), "attribute " + name + " lists values, which only a text attribute has");
                continue;
            }
            type.ifPresent(known -> attributes.put(name, new Attribute(name, known, values)));
        }
    }

    private void sources(Node node) {
        Optional<Mapping> section = mapping(node, SOURCES + " maps each source system to its aliases,"
                + " e.g. zendesk: {priority: {urgent: P1}}");
        if (section.isEmpty()) {
            return;
        }
        for (Entry entry : section.get().entries()) {
            String source = entry.key().text();
            if (sources.containsKey(source.toLowerCase(Locale.ROOT))) {
                problem(entry.key().at(), "source \"" + source + "\" is given twice");
                continue;
            }
            Optional<Mapping> byDimension = mapping(entry.value(), "source " + source + " maps " + sectionNames()
                    + " to aliases, e.g. priority: {urgent: P1}");
            if (byDimension.isEmpty()) {
                continue;
            }
            Map<Dimension, Map<String, String>> aliases = new EnumMap<>(Dimension.class);
            for (Entry dimensionEntry : byDimension.get().entries()) {
                Optional<Dimension> dimension = dimension(dimensionEntry.key().text());
                if (dimension.isEmpty()) {
                    problem(dimensionEntry.key().at(), "source " + source + " names \"" + dimensionEntry.key().text()
                            + "\"; aliases are given for " + sectionNames());
                    continue;
                }
                aliases.put(dimension.get(), aliases(source, dimension.get(), dimensionEntry.value()));
            }
            sources.put(source.toLowerCase(Locale.ROOT), new SourceAliases(source, aliases));
        }
    }

    private Map<String, String> aliases(String source, Dimension dimension, Node node) {
        Map<String, String> aliases = new LinkedHashMap<>();
        Optional<Mapping> pairs = mapping(node, "source " + source + " " + dimension.key()
                + " maps what the source sends to a declared value, e.g. {urgent: P1}");
        Terms declared = terms.get(dimension);
        Set<String> seen = new HashSet<>();
        for (Entry pair : pairs.map(Mapping::entries).orElse(List.of())) {
            String alias = pair.key().text();
            if (!seen.add(alias.toLowerCase(Locale.ROOT))) {
                problem(pair.key().at(), "source " + source + " gives " + dimension.key() + " alias \"" + alias
                        + "\" twice (aliases are matched without regard to case)");
                continue;
            }
            if (declared == null) {
                continue; // the missing or broken section is reported on its own
            }
            oneOf(pair.value(), declared, "source " + source + " " + dimension.key() + " alias \"" + alias + "\"")
                    .ifPresent(value -> aliases.put(alias, value));
        }
        return aliases;
    }

    private Optional<String> oneOf(Node node, Terms declared, String what) {
        return text(node, what).flatMap(written -> {
            Optional<String> value = declared.declared(written.text());
            if (value.isEmpty()) {
                problem(written.at(), what + " is \"" + written.text() + "\", which is not one of the "
                        + declared.dimension().plural() + " " + declared.listed());
            }
            return value;
        });
    }

    private Optional<String> statusNamed(Scalar written, Terms statuses, String what) {
        Optional<String> value = statuses.declared(written.text());
        if (value.isEmpty()) {
            problem(written.at(), what + " names \"" + written.text() + "\", which is not one of the statuses "
                    + statuses.listed());
        }
        return value;
    }

    private Map<String, Node> keys(Mapping mapping, Set<String> allowed, String owner) {
        Map<String, Node> keys = new LinkedHashMap<>();
        for (Entry entry : mapping.entries()) {
            String key = entry.key().text();
            if (!allowed.contains(key)) {
                problem(entry.key().at(), "unknown key \"" + key + "\" in " + owner + "; it has "
                        + allowed.stream().sorted().collect(Collectors.joining(", ")));
            } else if (keys.putIfAbsent(key, entry.value()) != null) {
                problem(entry.key().at(), "\"" + key + "\" is given twice in " + owner);
            }
        }
        return keys;
    }

    private Optional<Mapping> mapping(Node node, String expected) {
        if (node instanceof Mapping mapping) {
            return Optional.of(mapping);
        }
        problem(node.at(), expected);
        return Optional.empty();
    }

    /** A list of texts, or one text standing alone. */
    private List<Scalar> texts(Node node, String what) {
        List<Node> items = node instanceof Sequence sequence ? sequence.items() : List.of(node);
        List<Scalar> texts = new ArrayList<>();
        for (Node item : items) {
            text(item, what).ifPresent(texts::add);
        }
        return texts;
    }

    private Optional<Scalar> text(Node node, String what) {
        if (node instanceof Scalar scalar && scalar.text() != null && !scalar.text().isBlank()) {
            if (!scalar.text().equals(scalar.text().strip())) {
                problem(scalar.at(), what + " \"" + scalar.text() + "\" starts or ends with a space");
                return Optional.empty();
            }
            return Optional.of(scalar);
        }
        problem(node.at(), what + " is a text, not " + (node instanceof Scalar ? "empty" : "a list or mapping"));
        return Optional.empty();
    }

    private static Optional<Dimension> dimension(String key) {
        return Arrays.stream(Dimension.values()).filter(dimension -> dimension.key().equals(key)).findFirst();
    }

    private static String sectionNames() {
        return Arrays.stream(Dimension.values()).map(Dimension::key).collect(Collectors.joining(", "));
    }

    private static String typeNames() {
        return Arrays.stream(AttributeType.values()).map(type -> type.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private void problem(At at, String message) {
        problems.add(new FileProblem(path, at.line(), at.column(), message));
    }
}
