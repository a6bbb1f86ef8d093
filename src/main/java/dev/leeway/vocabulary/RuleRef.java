package dev.leeway.vocabulary;

/**
 * The rule whose consequence is running, so that every conclusion can say which rule drew it.
 *
 * @param name the rule's name as written after {@code rule}
 * @param id its {@code @id} metadata
 * @param file the rule file, relative to the rules directory
 * @param salience the rule's salience; a higher salience wins when rules propose different routes
 */
public record RuleRef(String name, String id, String file, int salience) {}
