package dev.leeway.escape;

import org.springframework.http.HttpStatus;

/** A use or review of an escape that cannot be accepted, with the HTTP status that says why. */
public class EscapeRefusedException extends RuntimeException {

    private final HttpStatus status;

    public EscapeRefusedException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
