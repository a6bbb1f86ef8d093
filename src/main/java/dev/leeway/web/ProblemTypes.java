package dev.leeway.web;

import java.net.URI;

/** The {@code type} URIs of the problems Leeway answers with, one per kind of failure a client can act on. */
public final class ProblemTypes {

    public static final URI INVALID_REQUEST = URI.create("urn:leeway:problem:invalid-request");
    public static final URI MALFORMED_JSON = URI.create("urn:leeway:problem:malformed-json");
    public static final URI PAYLOAD_TOO_LARGE = URI.create("urn:leeway:problem:payload-too-large");
    public static final URI RULE_SET_UNAVAILABLE = URI.create("urn:leeway:problem:rule-set-unavailable");
    public static final URI RUNAWAY_RULE_SET = URI.create("urn:leeway:problem:runaway-rule-set");
    public static final URI RULE_CONCLUSION = URI.create("urn:leeway:problem:invalid-rule-conclusion");
    public static final URI AUDIT_UNAVAILABLE = URI.create("urn:leeway:problem:audit-unavailable");
    public static final URI ESCAPE_REFUSED = URI.create("urn:leeway:problem:escape-refused");
    public static final URI RULE_SET_REJECTED = URI.create("urn:leeway:problem:rule-set-rejected");
    public static final URI INTERNAL_ERROR = URI.create("urn:leeway:problem:internal-error");
    public static final URI STORE_UNAVAILABLE = URI.create("urn:leeway:problem:store-unavailable");
    public static final URI TOO_MANY_WALKS = URI.create("urn:leeway:problem:too-many-walks");

    private ProblemTypes() {}
}
