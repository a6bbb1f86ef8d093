package dev.leeway.web;

import java.net.URI;

/**
 * The {@code type} URIs of the problems the HTTP layer itself answers with; each feature's failures
 * name their own.
 */
public final class ProblemTypes {

    public static final URI MALFORMED_JSON = URI.create("urn:leeway:problem:malformed-json");
    public static final URI PAYLOAD_TOO_LARGE = URI.create("urn:leeway:problem:payload-too-large");
    public static final URI INTERNAL_ERROR = URI.create("urn:leeway:problem:internal-error");
    public static final URI STORE_UNAVAILABLE = URI.create("urn:leeway:problem:store-unavailable");

    private ProblemTypes() {}
}
