package dev.leeway.decision;

import dev.leeway.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/decisions}: who may act on this case, how, and by when. */
@RestController
@RequestMapping(path = "/api/v1/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Decisions")
public class DecisionController {

    private final Decider decider;
    private final DecisionLog log;
    private final JsonMapper json;
    private final List<DecisionListener> listeners;

    public DecisionController(Decider decider, DecisionLog log, JsonMapper json, List<DecisionListener> listeners) {
        this.decider = decider;
        this.log = log;
        this.json = json;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * The decision is written to JSON once, here: the audit log records those very bytes and the
     * caller receives them, so what was recorded is what was answered (and it is not written twice).
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Decide a case: route, deadlines, escapes, permissions, obligations, checklist and, "
            + "for a request, a verdict")
    @ApiResponse(responseCode = "200", description = "The decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Decision.class)))
    public byte[] decide(@Valid @RequestBody DecisionRequest request, @AuthenticationPrincipal Caller caller) {
        Decision decision = decider.decide(request);
        byte[] answer = json.writeValueAsBytes(decision);
        log.record(request, decision, answer, caller);
        listeners.forEach(listener -> listener.decided(request, decision));
        return answer;
    }
}
