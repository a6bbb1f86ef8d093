package dev.leeway.whatif;

import dev.leeway.problem.ProblemException;
import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * A replay of the audit log asked for by a caller who may change rules but not read the log: the
 * report names recorded cases and what was decided for them, which is what {@code audit:read} guards.
 */
class AuditReadMissingException extends ProblemException {

    /** The same type the security filter answers a missing permission with. */
    static final URI TYPE = URI.create("urn:leeway:problem:permission-missing");

    AuditReadMissingException(String caller) {
        super(HttpStatus.FORBIDDEN, TYPE, "Permission missing", "A simulation on recorded decisions needs the "
                + "permission audit:read beside rules:write, which the credentials of " + caller + " do not grant.");
    }
}
