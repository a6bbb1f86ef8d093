package dev.leeway.watch;

import dev.leeway.problem.ProblemException;
import java.net.URI;
import org.springframework.http.HttpStatus;

/** The case's watch changed each time this PUT tried to record over it (other PUTs of it, its timers). */
public class WatchConflictException extends ProblemException {

    static final URI TYPE = URI.create("urn:leeway:problem:watch-changed");

    public WatchConflictException(String caseId) {
        super(HttpStatus.CONFLICT, TYPE, "Watch changed meanwhile", "Case " + caseId
                + " was changed by other requests or its timers while this one was decided; send it again.");
    }
}
