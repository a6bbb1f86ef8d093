package dev.leeway.terms;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one source system (a helpdesk such as Zendesk) sends for each declared value, matched
 * without regard to case: {@code zendesk: {priority: {urgent: P1}}}.
 */
public final class SourceAliases {

    private final String source;
    private final Map<Dimension, Map<String, String>> byAlias;
    private final Map<Dimension, Map<String, String>> written;

    /** @param aliases per dimension, each alias as written in the file and the declared value it stands for */
    public SourceAliases(String source, Map<Dimension, Map<String, String>> aliases) {
        this.source = source;
        this.byAlias = new EnumMap<>(Dimension.class);
        this.written = new EnumMap<>(Dimension.class);
        aliases.forEach((dimension, pairs) -> {
            Map<String, String> lowered = new HashMap<>();
            pairs.forEach((alias, value) -> lowered.put(alias.toLowerCase(Locale.ROOT), value));
            byAlias.put(dimension, Map.copyOf(lowered));
            written.put(dimension, Collections.unmodifiableMap(new LinkedHashMap<>(pairs)));
        });
    }

    public String source() {
        return source;
    }

    /** The declared value this source's text stands for; empty when the source has no such alias. */
    public Optional<String> valueFor(Dimension dimension, String text) {
        Map<String, String> aliases = byAlias.get(dimension);
        return aliases == null ? Optional.empty() : Optional.ofNullable(aliases.get(text.toLowerCase(Locale.ROOT)));
    }

    /** The aliases for the dimension as the file writes them, in its order. */
    public List<String> aliases(Dimension dimension) {
        return List.copyOf(written.getOrDefault(dimension, Map.of()).keySet());
    }

    /** Every alias as written and the value it stands for, per dimension, in the file's order. */
    public Map<Dimension, Map<String, String>> all() {
        return written;
    }
}
