package dev.leeway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import dev.leeway.audit.AuditStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Failures outside the request's control are still answered as problems, without Leeway's insides in them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FailureProblemsTest {

    @LocalServerPort
    int port;

    @MockitoBean
    AuditStore store;

    @Test
    void anUnexpectedFailureIsAProblemThatKeepsTheCauseInTheLog() {
        when(store.verify(any(), any())).thenThrow(new IllegalStateException("chain head row on db-7.internal is missing"));

        Reply reply = new HttpApi(port).get("/api/v1/audit/verify");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).isEqualTo("urn:leeway:problem:internal-error");
        assertThat(reply.body()).doesNotContain("db-7.internal");
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsA503WorthRetrying() {
        when(store.verify(any(), any())).thenThrow(new DataAccessResourceFailureException("connection to db-7.internal refused"));

        Reply reply = new HttpApi(port).get("/api/v1/audit/verify");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).isEqualTo("urn:leeway:problem:store-unavailable");
        assertThat(reply.body()).doesNotContain("db-7.internal");
    }
}
