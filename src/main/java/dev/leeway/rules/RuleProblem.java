package dev.leeway.rules;

/** Something wrong in a rule file, located so the process owner can go straight to it. */
public record RuleProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
