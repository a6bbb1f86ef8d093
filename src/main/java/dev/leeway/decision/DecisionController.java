package dev.leeway.decision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/decisions}: who may act on this case, how, and by when. */
@RestController
@RequestMapping(path = "/api/v1/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Decisions")
public class DecisionController {

    private final Decider decider;
    private final DecisionLog log;

    public DecisionController(Decider decider, DecisionLog log) {
        this.decider = decider;
        this.log = log;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Decide a case: route, deadlines, escapes, permissions, obligations, checklist and, "
            + "for a request, a verdict")
    public Decision decide(@Valid @RequestBody DecisionRequest request, HttpServletRequest http) {
        Decision decision = decider.decide(request);
        log.record(request, decision, http.getRemoteAddr());
        return decision;
    }
}
