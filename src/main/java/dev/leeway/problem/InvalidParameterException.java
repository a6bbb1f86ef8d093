package dev.leeway.problem;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A parameter or field that is well-formed on its own but makes no sense beside the others;
 * answered as a 400 problem naming it in its errors list.
 */
public class InvalidParameterException extends ProblemException {

    /** Every invalid input, whichever layer found it, is this one type of problem. */
    public static final URI TYPE = URI.create("urn:leeway:problem:invalid-request");
    public static final String TITLE = "Invalid request";

    /** @param problem what is wrong with it, as it reads after the parameter's name */
    public InvalidParameterException(String parameter, String problem) {
        super(HttpStatus.BAD_REQUEST, TYPE, TITLE, "The parameter " + parameter + " " + problem + ".");
        describe("errors", List.of(new FieldError(parameter, problem)));
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
