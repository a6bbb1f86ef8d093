package dev.leeway.vocabulary;

/**
 * Where the vocabulary puts facts it derives (e.g. a passed deadline) so that other rules can react
 * to them. Implemented by the engine; a fact put again under the same key replaces the earlier one.
 */
public interface DerivedFacts {

    void put(String key, Object fact);

    /** Withdraws the fact put under the key, if any: a later step made it untrue. */
    void remove(String key);
}
