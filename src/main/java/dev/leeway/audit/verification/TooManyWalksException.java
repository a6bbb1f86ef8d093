package dev.leeway.audit.verification;

import dev.leeway.problem.ProblemException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A walk of the chain was refused because this instance is already making, or about to make, as
 * many as it takes at once. Each reads the whole log; queued without limit, walks asked for faster
 * than they end would pile up for ever, and slow down recording decisions as they run. Walks end
 * on their own, so a 503 with Retry-After tells the client to come back rather than that it asked
 * wrongly.
 */
public class TooManyWalksException extends ProblemException {

    static final URI TYPE = URI.create("urn:leeway:problem:too-many-walks");

    TooManyWalksException(int most) {
        super(HttpStatus.SERVICE_UNAVAILABLE, TYPE, "Too many walks of the audit chain",
                "This instance is already walking, or about to walk, the audit chain " + most
                        + " times, the most it takes at once; follow those walks at /api/v1/audit/verifications, "
                        + "or try again once one has ended.");
        describe("mostAtOnce", most);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "60");
    }
}
