package dev.leeway.shadow;

import dev.leeway.problem.ProblemException;
import dev.leeway.rules.RuleProblem;
import dev.leeway.rules.RuleSetRejectedException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The problems the shadow API answers with. */
final class ShadowProblems {

    static final URI NO_SHADOW = URI.create("urn:leeway:problem:no-shadow");
    static final URI SHADOW_CONFLICT = URI.create("urn:leeway:problem:shadow-conflict");

    private ShadowProblems() {}

    /** A candidate that may not shadow (or, at promotion, serve): the same problem as any refused rule set. */
    static final class Rejected extends ProblemException {

        Rejected(String what, String activeVersion, String candidateVersion, List<RuleProblem> problems) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, RuleSetRejectedException.TYPE, "Rule set rejected",
                    what + "; " + (activeVersion == null ? "no rule set is serving." : "rule set " + activeVersion
                            + " keeps serving."));
            describe("activeVersion", activeVersion);
            describe("candidateVersion", candidateVersion);
            describe("errors", problems);
        }
    }

    static final class NoShadow extends ProblemException {

        NoShadow() {
            super(HttpStatus.NOT_FOUND, NO_SHADOW, "No shadow rule set",
                    "No shadow rule set is running on this instance; start one with POST /api/v1/rules/shadow.");
        }
    }

    static final class Conflict extends ProblemException {

        Conflict(String detail, String shadowVersion) {
            super(HttpStatus.CONFLICT, SHADOW_CONFLICT, "Shadow rule set conflict", detail);
            describe("shadowVersion", shadowVersion);
        }
    }
}
