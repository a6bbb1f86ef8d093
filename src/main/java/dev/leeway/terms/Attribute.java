package dev.leeway.terms;

import java.util.List;

/**
 * A case attribute the organisation wants validated: its type and, for text, the values it may take
 * (none listed: any text).
 */
public record Attribute(String name, AttributeType type, List<String> values) {

    public Attribute {
        values = List.copyOf(values);
    }
}
