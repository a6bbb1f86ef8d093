package dev.leeway.escape;

import dev.leeway.problem.ProblemException;
import java.net.URI;
import org.springframework.http.HttpStatus;

/** A use or review of an escape that cannot be accepted, with the HTTP status that says why. */
public class EscapeRefusedException extends ProblemException {

    static final URI TYPE = URI.create("urn:leeway:problem:escape-refused");

    public EscapeRefusedException(HttpStatus status, String message) {
        super(status, TYPE, "Escape use refused", message);
    }
}
