package dev.leeway.yaml;

/**
 * Something wrong in a rule set's data file (a calendar, the vocabulary), located like any rule-file problem.
 *
 * @param file relative to the rules directory, e.g. {@code calendars/support-nl.yaml}
 */
public record FileProblem(String file, int line, int column, String message) {}
