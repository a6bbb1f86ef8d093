package dev.leeway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 429, every request bearing credentials from an address whose authentication failed
 * too often lately. Requests without credentials pass: they reach only the public probes and the
 * API description, or are refused with 401 anyway.
 */
final class FailedAuthenticationThrottle extends OncePerRequestFilter {

    private final FailedAuthentications failures;
    private final ProblemResponses problems;

    FailedAuthenticationThrottle(FailedAuthentications failures, ProblemResponses problems) {
        this.failures = failures;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Duration wait = request.getHeader(HttpHeaders.AUTHORIZATION) == null ? Duration.ZERO
                : failures.waitBeforeTrying(request.getRemoteAddr());
        if (!wait.isZero()) {
            problems.tooManyFailures(response, wait);
            return;
        }
        chain.doFilter(request, response);
    }
}
