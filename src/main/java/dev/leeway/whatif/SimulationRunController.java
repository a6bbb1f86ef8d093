package dev.leeway.whatif;

import dev.leeway.problem.InvalidParameterException;
import dev.leeway.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What-if on a long window of the audit log, in the background: start it, follow it, cancel it,
 * export what would change. Starting one needs {@code rules:write} and {@code audit:read}; following
 * it and exporting its changes, which name recorded cases, need {@code audit:read}.
 */
@RestController
@RequestMapping(path = "/api/v1/rules/simulations")
@Tag(name = "Rules")
public class SimulationRunController {

    private final BackgroundSimulations simulations;
    private final SimulationRuns runs;
    private final SimulationChanges changes;
    private final SimulationChangesExport export;
    private final SimulationProperties properties;

    SimulationRunController(BackgroundSimulations simulations, SimulationRuns runs, SimulationChanges changes,
            SimulationChangesExport export, SimulationProperties properties) {
        this.simulations = simulations;
        this.runs = runs;
        this.changes = changes;
        this.export = export;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start replaying the decisions recorded in [from, to) through the rule sets that made them "
            + "and a candidate, in the background; answer at once with where to follow it. Also needs audit:read")
    @ApiResponse(responseCode = "202", description = "The simulation as it begins; Location is where to follow it")
    public ResponseEntity<SimulationRun> start(@Valid @RequestBody SimulationRequest request,
            @AuthenticationPrincipal Caller caller) {
        request.requireOneSource();
        if (!request.replaysTheLog()) {
            throw new InvalidParameterException("inputs", "are replayed while the caller waits, with POST "
                    + "/api/v1/rules/simulate; a background simulation replays the decisions recorded from/to");
        }
        SimulationController.requireAuditRead(caller);
        SimulationRun run = simulations.start(request, caller.toString());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(run.simulationId()).toUri())
                .body(run);
    }

    @GetMapping(path = "/{simulationId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One background simulation: how far it has come, the totals per aspect so far, and the "
            + "first cases that changed or failed")
    public SimulationRun simulation(@PathVariable String simulationId) {
        return found(simulationId).withSamples(changes.first(simulationId, properties.samples()));
    }

    @PostMapping(path = "/{simulationId}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Stop a running simulation; what it replayed until then is kept. One that has ended is "
            + "answered as it ended")
    public SimulationRun cancel(@PathVariable String simulationId) {
        found(simulationId);
        return simulations.cancel(simulationId).orElseThrow();
    }

    /** Written on the request's own thread, as the audit export is, so that a long export is not cut off. */
    @GetMapping(path = "/{simulationId}/changes", produces = {"application/x-ndjson", "text/csv"})
    @Operation(summary = "Every replayed decision that would change or failed, in replay order, streamed as JSON "
            + "Lines (a decision a line) or CSV (a changed aspect a row)")
    public void changes(@PathVariable String simulationId,
            @RequestParam(defaultValue = "jsonl") @Pattern(regexp = "jsonl|csv", message = "must be jsonl or csv") String format,
            HttpServletResponse response) throws IOException {
        found(simulationId);
        boolean csv = "csv".equals(format);
        response.setContentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8).toString() : "application/x-ndjson");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"leeway-simulation-" + simulationId + "." + format + "\"");
        if (csv) {
            export.csv(simulationId, response.getOutputStream());
        } else {
            export.jsonLines(simulationId, response.getOutputStream());
        }
    }

    private SimulationRun found(String simulationId) {
        return runs.find(simulationId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No simulation " + simulationId + " was started."));
    }
}
