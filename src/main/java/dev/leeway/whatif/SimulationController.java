package dev.leeway.whatif;

import dev.leeway.problem.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
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
    @Operation(summary = "Replay inputs through the active rule set and a candidate; report what would change")
    public SimulationReport simulate(@Valid @RequestBody SimulationRequest request) {
        if (request.inputs().size() > properties.maxInputs()) {
            throw new InvalidParameterException("inputs", "may hold at most " + properties.maxInputs()
                    + " inputs per request (leeway.simulation.max-inputs), not " + request.inputs().size());
        }
        return simulator.simulate(request);
    }
}
