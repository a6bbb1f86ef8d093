package dev.leeway.terms;

import dev.leeway.facts.Customer;
import dev.leeway.facts.ServiceCase;
import dev.leeway.facts.StatusChange;
import java.util.Map;
import java.util.Optional;

/**
 * Which fields of the facts hold the vocabulary's values, so that the values rules compare them
 * with can be checked against it.
 */
public final class TermFields {

    /**
     * A field holding a dimension's value, or, for a rank field ({@code priorityAtLeast}), the
     * values its fact's one ranks at least as high as.
     */
    public record TermField(Dimension dimension, boolean rank) {}

    private static final Map<Class<?>, Map<String, TermField>> FIELDS = Map.of(
            ServiceCase.class, Map.of(
                    "priority", new TermField(Dimension.PRIORITY, false),
                    "priorityAtLeast", new TermField(Dimension.PRIORITY, true),
                    "status", new TermField(Dimension.STATUS, false),
                    "channel", new TermField(Dimension.CHANNEL, false),
                    "sentiment", new TermField(Dimension.SENTIMENT, false)),
            Customer.class, Map.of(
                    "tier", new TermField(Dimension.TIER, false),
                    "tierAtLeast", new TermField(Dimension.TIER, true)),
            StatusChange.class, Map.of("status", new TermField(Dimension.STATUS, false)));

    /** The name of the field holding the case's attributes, which a vocabulary may type. */
    public static final String ATTRIBUTES = "attributes";

    private TermFields() {}

    public static Optional<TermField> of(Class<?> fact, String field) {
        return Optional.ofNullable(FIELDS.getOrDefault(fact, Map.of()).get(field));
    }

    /** The rank field of a ranked dimension, as rules name it. */
    public static String rankFieldOf(Dimension dimension) {
        return dimension.key() + "AtLeast";
    }
}
