package dev.leeway.web;

import java.time.Instant;

/**
 * A query parameter that is well-formed on its own but makes no sense beside the others; answered
 * as a 400 problem naming it.
 */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    /** @param problem what is wrong with it, as it reads after the parameter's name */
    public InvalidParameterException(String parameter, String problem) {
        super(problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /**
     * Refuses a time range whose {@code to} comes before its {@code from}: swapped bounds would
     * otherwise answer an empty page or export, which reads as if nothing had happened.
     */
    public static void requireOrdered(Instant from, Instant to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidParameterException("to", "must not be before from (" + from + "), not " + to);
        }
    }
}
