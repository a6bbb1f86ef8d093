package dev.leeway.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.leeway.decision.Escape;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A decision as the audit log holds it, read by {@link DecisionRecords}.
 *
 * @param input the request, with sensitive fields masked as configured when it was recorded
 * @param output the answer's JSON as it was sent
 * @param caller who asked; absent on records made before callers were authenticated
 * @param offeredEscapes the escapes the answer offered
 */
public record DecisionRecord(
        String decisionId,
        long position,
        Instant recordedAt,
        String caseId,
        String actorId,
        String ruleSetVersion,
        JsonNode input,
        JsonNode output,
        Caller caller,
        List<Escape> offeredEscapes,
        String prevHash,
        String hash) {

    /**
     * The authenticated client (an API key's name, or a JWT's subject and issuer) and the actor it
     * says it asks for.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Caller(String name, String issuer, String actorId) {}

    public Optional<Escape> offered(String escapeId) {
        return offeredEscapes.stream().filter(escape -> escapeId.equals(escape.id())).findFirst();
    }
}
