package dev.leeway.calendar;

/**
 * Something wrong in a calendar file, located like any rule-file problem.
 *
 * @param file relative to the rules directory, e.g. {@code calendars/support-nl.yaml}
 */
public record CalendarProblem(String file, int line, int column, String message) {}
