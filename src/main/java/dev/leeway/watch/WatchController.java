package dev.leeway.watch;

import dev.leeway.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/cases/{caseId}}: cases Leeway decides again by itself as time passes. */
@RestController
@RequestMapping(path = "/api/v1/cases/{caseId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Watched cases")
class WatchController {

    private final CaseWatch watch;

    WatchController(CaseWatch watch) {
        this.watch = watch;
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a case whenever it changes: Leeway decides it now and again at each instant its "
            + "decision changes (a warning, a breach, a level, an obligation coming due); a closed or "
            + "confirmed-solved case is decided once more and no longer watched. 400 when case.id is not the id "
            + "in the path, 409 when the case kept changing meanwhile")
    @ApiResponse(responseCode = "200", description = "The watch: the decision made now, when Leeway decides the "
            + "case next and what that is expected to bring")
    public WatchedCase watch(@PathVariable String caseId, @Valid @RequestBody WatchedCaseRequest request,
            @AuthenticationPrincipal Caller caller) {
        return watch.watch(caseId, request, caller);
    }

    @GetMapping
    @Operation(summary = "A watched case: its last decision, when it is decided next and what that is expected to "
            + "bring; 404 when the case is not watched")
    @ApiResponse(responseCode = "200", description = "The watch")
    public WatchedCase view(@PathVariable String caseId) {
        return watch.view(caseId);
    }

    @DeleteMapping
    @Operation(summary = "Stop watching a case; its decisions stay in the audit log. 404 when it is not watched")
    @ApiResponse(responseCode = "204", description = "No longer watched")
    public ResponseEntity<Void> stop(@PathVariable String caseId) {
        watch.stop(caseId);
        return ResponseEntity.noContent().build();
    }
}
