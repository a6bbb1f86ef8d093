package dev.leeway.yaml;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A YAML document read into nodes that remember where they stand in the file, so that each
 * problem in a rule-set data file (a calendar, the vocabulary) can be reported at its line and column (a data-bound object forgets that).
 */
public final class YamlTree {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private YamlTree() {}

    /** Where a node starts, counted from 1 like an editor does. */
    public record At(int line, int column) {
        public static At of(TokenStreamLocation location) {
            return location == null ? new At(1, 1) : new At(Math.max(location.getLineNr(), 1), Math.max(location.getColumnNr(), 1));
        }
    }

    public sealed interface Node permits Scalar, Sequence, Mapping {
        At at();
    }

    /** A plain value; {@code text} is null for an empty value ({@code key:} with nothing after it). */
    public record Scalar(String text, At at) implements Node {}

    public record Sequence(List<Node> items, At at) implements Node {}

    public record Entry(Scalar key, Node value) {}

    public record Mapping(List<Entry> entries, At at) implements Node {}

    /** The document's root node; null for an empty document. */
    public static Node read(String content) {
        try (JsonParser parser = YAML.createParser(content)) {
            JsonToken token = parser.nextToken();
            return token == null ? null : node(parser, token);
        }
    }

    private static Node node(JsonParser parser, JsonToken token) {
        At at = At.of(parser.currentTokenLocation());
        return switch (token) {
            case START_OBJECT -> mapping(parser, at);
            case START_ARRAY -> sequence(parser, at);
            case VALUE_NULL -> new Scalar(null, at);
            default -> new Scalar(parser.getString(), at);
        };
    }

    private static Mapping mapping(JsonParser parser, At at) {
        List<Entry> entries = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            Scalar key = new Scalar(parser.currentName(), At.of(parser.currentTokenLocation()));
            entries.add(new Entry(key, node(parser, parser.nextToken())));
        }
        return new Mapping(List.copyOf(entries), at);
    }

    private static Sequence sequence(JsonParser parser, At at) {
        List<Node> items = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            items.add(node(parser, token));
        }
        return new Sequence(List.copyOf(items), at);
    }
}
