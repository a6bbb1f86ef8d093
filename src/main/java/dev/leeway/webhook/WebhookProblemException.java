package dev.leeway.webhook;

import dev.leeway.problem.ProblemException;
import java.net.URI;
import org.springframework.http.HttpStatus;

/** A subscription or dead letter that is not there, or cannot be changed as asked. */
class WebhookProblemException extends ProblemException {

    static final URI NOT_FOUND = URI.create("urn:leeway:problem:webhook-not-found");
    static final URI CONFLICT = URI.create("urn:leeway:problem:webhook-conflict");

    private WebhookProblemException(HttpStatus status, URI type, String title, String detail) {
        super(status, type, title, detail);
    }

    static WebhookProblemException notFound(String detail) {
        return new WebhookProblemException(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", detail);
    }

    static WebhookProblemException conflict(String detail) {
        return new WebhookProblemException(HttpStatus.CONFLICT, CONFLICT, "Conflict", detail);
    }
}
