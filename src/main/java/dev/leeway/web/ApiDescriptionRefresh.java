package dev.leeway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Before the API description is served, has springdoc forget a description built on a vocabulary
 * that no longer serves, so that the answer always shows the serving rule set's values. Requests for
 * the description take turns, since springdoc's kept descriptions are not safe to drop while it
 * builds or reads one; each answer is sent after its turn, so that a slow client holds up no other.
 */
@Component
class ApiDescriptionRefresh extends OncePerRequestFilter {

    private final ApiDescriptionVocabulary vocabulary;
    private final String apiDocsPath;
    private final ReentrantLock turn = new ReentrantLock();

    ApiDescriptionRefresh(ApiDescriptionVocabulary vocabulary,
            @Value("${springdoc.api-docs.path:/v3/api-docs}") String apiDocsPath) {
        this.vocabulary = vocabulary;
        this.apiDocsPath = apiDocsPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith(apiDocsPath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        turn.lock();
        try {
            vocabulary.forgetOutdatedDescriptions();
            chain.doFilter(request, answer);
        } finally {
            turn.unlock();
        }
        answer.copyBodyToResponse();
    }
}
