package dev.leeway.terms;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The declared values of one dimension, in the order the vocabulary lists them, and the one a case
 * gets when the helpdesk sends none. A class rather than a record because it keeps lookups worked
 * out once, so that reading a case allocates nothing for them.
 */
public final class Terms {

    private final Dimension dimension;
    private final List<String> values;
    private final String defaultValue;
    private final Map<String, String> canonical = new HashMap<>();
    private final Map<String, Set<String>> atLeast = new HashMap<>();

    /** @param defaultValue null when a case may leave the value out (it then stays empty) */
    public Terms(Dimension dimension, List<String> values, String defaultValue) {
        this.dimension = dimension;
        this.values = List.copyOf(values);
        this.defaultValue = defaultValue;
        for (int i = 0; i < this.values.size(); i++) {
            String value = this.values.get(i);
            canonical.put(value, value);
            canonical.putIfAbsent(value.toLowerCase(Locale.ROOT), value);
            atLeast.put(value, Collections.unmodifiableSet(new LinkedHashSet<>(this.values.subList(i, this.values.size()))));
        }
    }

    public Dimension dimension() {
        return dimension;
    }

    public List<String> values() {
        return values;
    }

    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** The declared value the text names, ignoring case; empty when it names none. */
    public Optional<String> declared(String text) {
        String exact = canonical.get(text);
        return Optional.ofNullable(exact != null ? exact : canonical.get(text.toLowerCase(Locale.ROOT)));
    }

    /**
     * For a ranked dimension, the values the given one ranks at least as high as, itself included:
     * for {@code P2}, {@code [P2, P3, P4]}. Shared and unmodifiable.
     */
    public Set<String> atLeast(String value) {
        Set<String> below = value == null ? null : atLeast.get(value);
        return below == null ? Set.of() : below;
    }

    /** The values as one list for a message: {@code P1, P2, P3, P4}. */
    public String listed() {
        return String.join(", ", values);
    }
}
