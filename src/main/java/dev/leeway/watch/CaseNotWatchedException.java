package dev.leeway.watch;

import dev.leeway.problem.ProblemException;
import java.net.URI;
import org.springframework.http.HttpStatus;

/** A request about a case Leeway does not watch: never sent, stopped, or closed. */
public class CaseNotWatchedException extends ProblemException {

    static final URI TYPE = URI.create("urn:leeway:problem:case-not-watched");

    public CaseNotWatchedException(String caseId) {
        super(HttpStatus.NOT_FOUND, TYPE, "Case not watched", "Leeway does not watch case " + caseId
                + ": it was never sent with PUT /api/v1/cases/" + caseId + ", its watch was stopped, or it was closed.");
    }
}
