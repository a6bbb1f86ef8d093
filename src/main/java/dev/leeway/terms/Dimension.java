package dev.leeway.terms;

/**
 * The kinds of value the organisation names in its own words, each a section of
 * {@code vocabulary.yaml}. Priorities and tiers are ranked: their values are listed from the
 * highest (most urgent) down, so that a rule can say "P2 or more urgent" without listing values.
 */
public enum Dimension {
    PRIORITY("priority", "priorities", true),
    TIER("tier", "tiers", true),
    CHANNEL("channel", "channels", false),
    SENTIMENT("sentiment", "sentiments", false),
    STATUS("status", "statuses", false);

    private final String key;
    private final String plural;
    private final boolean ranked;

    Dimension(String key, String plural, boolean ranked) {
        this.key = key;
        this.plural = plural;
        this.ranked = ranked;
    }

    /** The section's name in {@code vocabulary.yaml}, which is also the field's name in a request. */
    public String key() {
        return key;
    }

    public String plural() {
        return plural;
    }

    public boolean ranked() {
        return ranked;
    }
}
