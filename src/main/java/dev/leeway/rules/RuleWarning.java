package dev.leeway.rules;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something a process owner should know about a candidate that does not keep it from serving,
 * located like a {@link RuleProblem}.
 *
 * @param removedValue for a value the candidate no longer declares: which, and how much the audit
 *     log holds of it; absent on other warnings
 */
public record RuleWarning(String file, int line, int column, String message,
        @JsonInclude(JsonInclude.Include.NON_NULL) RemovedValue removedValue) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
