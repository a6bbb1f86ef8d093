package dev.leeway.whatif;

import dev.leeway.problem.ProblemException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A background simulation refused because this instance already runs as many as it takes at once
 * ({@code leeway.simulation.most-at-once}): each decides every recorded decision of its window
 * twice, and without a limit they would slow down deciding for the helpdesk. They end on their
 * own, so a 503 with Retry-After tells the client to come back.
 */
class TooManySimulationsException extends ProblemException {

    static final URI TYPE = URI.create("urn:leeway:problem:too-many-simulations");

    TooManySimulationsException(int most) {
        super(HttpStatus.SERVICE_UNAVAILABLE, TYPE, "Too many simulations",
                "This instance already runs " + most + " background simulations, the most it takes at once "
                        + "(leeway.simulation.most-at-once); try again once one has ended.");
        describe("mostAtOnce", most);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "60");
    }
}
