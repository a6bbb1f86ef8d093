package dev.leeway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One counter per value of one label, the values coming from rule files (route steps, escape and
 * rule ids, deadline kinds). Rule sets are reloaded without a restart, so the values seen over a
 * process's life are bounded only by what authors write: past {@code maxValues} distinct values,
 * further ones are counted under {@value #OTHER} rather than as new series.
 *
 * Counters are kept once registered, so counting a value already seen allocates nothing.
 */
public final class CappedCounters {

    /** Where values past the cap are counted. */
    public static final String OTHER = "other";

    /** What a missing value is counted as; a label value cannot be null. */
    public static final String NONE = "none";

    /** Well above the bundled rule set's ids (under 50 rules), well below what strains a scraper. */
    public static final int MAX_VALUES = 200;

    private final MeterRegistry meters;
    private final String name;
    private final String description;
    private final Tags fixed;
    private final String label;
    private final int maxValues;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Counter other;

    /**
     * @param fixed labels every counter carries with the same value (e.g. {@code escalated=true})
     * @param label the label whose values come from rule files
     */
    public CappedCounters(MeterRegistry meters, String name, String description, Tags fixed, String label,
            int maxValues) {
        this.meters = meters;
        this.name = name;
        this.description = description;
        this.fixed = fixed;
        this.label = label;
        this.maxValues = maxValues;
        this.other = register(OTHER);
    }

    public CappedCounters(MeterRegistry meters, String name, String description, String label) {
        this(meters, name, description, Tags.empty(), label, MAX_VALUES);
    }

    public void increment(String value) {
        counter(value == null ? NONE : value).increment();
    }

    private Counter counter(String value) {
        Counter counter = counters.get(value);
        return counter != null ? counter : newCounter(value);
    }

    /** Only the first sight of a value gets here; locked so the cap holds exactly. */
    private synchronized Counter newCounter(String value) {
        Counter counter = counters.get(value);
        if (counter != null) {
            return counter;
        }
        if (OTHER.equals(value) || counters.size() >= maxValues) {
            return other;
        }
        counter = register(value);
        counters.put(value, counter);
        return counter;
    }

    private Counter register(String value) {
        return Counter.builder(name).description(description).tags(fixed).tag(label, value).register(meters);
    }
}
