package dev.leeway.whatif;

import dev.leeway.problem.InvalidParameterException;
import dev.leeway.security.Caller;
import dev.leeway.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/rules/simulate}: what would change if these rules were active. */
@RestController
@Tag(name = "Rules")
public class SimulationController {

    private final Simulator simulator;
    private final SimulationProperties properties;

    public SimulationController(Simulator simulator, SimulationProperties properties) {
        this.simulator = simulator;
        this.properties = properties;
    }

    @PostMapping(path = "/api/v1/rules/simulate", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replay inputs through the active rule set and a candidate, or the decisions recorded in a "
            + "time window (from/to) through the rule sets that made them and a candidate; report what would change. "
            + "A replay of recorded decisions also needs audit:read")
    public SimulationReport simulate(@Valid @RequestBody SimulationRequest request,
            @AuthenticationPrincipal Caller caller) {
        request.requireOneSource();
        if (request.replaysTheLog()) {
            requireAuditRead(caller);
        } else if (request.inputs().size() > properties.maxInputs()) {
            throw new InvalidParameterException("inputs", "may hold at most " + properties.maxInputs()
                    + " inputs per request (leeway.simulation.max-inputs), not " + request.inputs().size());
        }
        return simulator.simulate(request);
    }

    /** Checked after the request is found well-formed, so that a malformed one says what is wrong with it first. */
    static void requireAuditRead(Caller caller) {
        if (!caller.permissions().contains(Permission.AUDIT_READ)) {
            throw new AuditReadMissingException(caller.toString());
        }
    }
}
