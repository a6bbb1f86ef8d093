package dev.leeway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers refused calls as problems, like every other failure: 401 with {@code WWW-Authenticate}
 * for a caller without valid credentials, 403 naming the missing permission, 429 for an address
 * that failed too often. Logs each refusal with the address and, once known, the caller's name;
 * never the credentials.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final URI UNAUTHENTICATED = URI.create("urn:leeway:problem:unauthenticated");
    static final URI FORBIDDEN = URI.create("urn:leeway:problem:permission-missing");
    static final URI TOO_MANY_FAILURES = URI.create("urn:leeway:problem:too-many-failed-authentications");

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler insufficientScope = new BearerTokenAccessDeniedHandler();
    private final FailedAuthentications failures;
    private final JsonMapper json;

    ProblemResponses(FailedAuthentications failures, JsonMapper json) {
        this.failures = failures;
        this.json = json;
        challenge.setRealmName("leeway");
        insufficientScope.setRealmName("leeway");
    }

    /** No credentials, or credentials that prove nothing. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String detail;
        if (failure instanceof InsufficientAuthenticationException) {
            detail = "This operation needs credentials: send an API key or a JWT as \"Authorization: Bearer …\".";
        } else {
            failures.failed(request.getRemoteAddr());
            log.warn("Authentication failed for {} {} from {}: {}", request.getMethod(), request.getRequestURI(),
                    request.getRemoteAddr(), failure.getMessage());
            detail = "The credentials were not accepted: no API key matches, or the JWT is not valid here.";
        }
        challenge.commence(request, response, failure);
        write(response, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, "Unauthenticated", detail);
    }

    /** Authenticated, without the permission the operation needs. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String caller = SecurityContextHolder.getContext().getAuthentication() == null ? "?"
                : SecurityContextHolder.getContext().getAuthentication().getName();
        String needed = EndpointPermissions.requiredFor(request)
                .map(permission -> "the permission " + permission.scope())
                .orElse("an operation of the API");
        log.warn("Refused {} {} from {} to {}: it needs {}", request.getMethod(), request.getRequestURI(),
                request.getRemoteAddr(), caller, needed);
        insufficientScope.handle(request, response, denied);
        write(response, HttpStatus.FORBIDDEN, FORBIDDEN, "Permission missing",
                "This operation needs " + needed + ", which the credentials of " + caller + " do not grant.");
    }

    /** An address that failed too often, refused before its credentials are looked at. */
    void tooManyFailures(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        write(response, HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_FAILURES, "Too many failed authentications",
                "Authentication from this address failed too often; try again in " + seconds + " s.");
    }

    private void write(HttpServletResponse response, HttpStatus status, URI type, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
