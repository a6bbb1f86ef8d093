package dev.leeway.terms;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The organisation's words for its cases, as one rule set's {@code vocabulary.yaml} declares them:
 * the values of each {@link Dimension}, which statuses close a case or confirm its solution, the
 * typed attributes it validates, and what each source system sends instead.
 *
 * @param closed statuses in which the case is closed: Leeway stops watching it
 * @param confirmsSolution statuses in which the customer confirmed the solution: also the end of a watch
 * @param attributes by name
 * @param sources aliases by source name, lower-cased, as requests name it in {@code "source"}
 */
public record Vocabulary(
        Map<Dimension, Terms> terms,
        Set<String> closed,
        Set<String> confirmsSolution,
        Map<String, Attribute> attributes,
        Map<String, SourceAliases> sources) {

    public Vocabulary {
        terms = new EnumMap<>(terms);
        closed = Set.copyOf(closed);
        confirmsSolution = Set.copyOf(confirmsSolution);
        attributes = Map.copyOf(attributes);
        sources = Map.copyOf(sources);
    }

    public Terms of(Dimension dimension) {
        return terms.get(dimension);
    }

    public Optional<SourceAliases> source(String name) {
        return Optional.ofNullable(sources.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Whether a case in this status is done with: closed, or its solution confirmed. */
    public boolean ends(String status) {
        return closed.contains(status) || confirmsSolution.contains(status);
    }

    /** Every value of the dimension that the vocabulary declares, for checks and descriptions. */
    public List<String> values(Dimension dimension) {
        return of(dimension).values();
    }
}
