package dev.leeway.shadow;

import dev.leeway.rules.CandidateChange;
import dev.leeway.rules.ReloadOutcome;
import dev.leeway.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For process owners: a candidate rule set that decides live requests beside the serving one, unanswered. */
@RestController
@RequestMapping(path = "/api/v1/rules/shadow", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Rules")
public class ShadowController {

    private final ShadowRuleSets shadows;

    ShadowController(ShadowRuleSets shadows) {
        this.shadows = shadows;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start a shadow: candidate files on top of the rules directory, validated as for a reload "
            + "(422 if refused), decide every live request again off the request path")
    public ShadowStatus start(@Valid @RequestBody CandidateChange change, @AuthenticationPrincipal Caller caller) {
        return shadows.start(change, caller.toString());
    }

    @GetMapping
    @Operation(summary = "The running shadow: its version, since when, and how many live decisions it evaluated, "
            + "decided differently, dropped (queue full) and failed on")
    public ShadowStatus status() {
        return shadows.status();
    }

    @GetMapping("/differences")
    @Operation(summary = "Live decisions the shadow decided differently, newest first, with what changed per aspect")
    public ShadowDifferencePage differences(@RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return shadows.differences(cursor, limit);
    }

    @PostMapping("/promote")
    @Operation(summary = "Make the shadow serve: its files are written into the rules directory and loaded as a "
            + "reload, validated again; the history records it with trigger shadow-promoted")
    public ReloadOutcome promote(@AuthenticationPrincipal Caller caller) {
        return shadows.promote(caller.toString());
    }

    @DeleteMapping
    @Operation(summary = "Discard the shadow and its differences; the history records it with trigger shadow-discarded")
    public ShadowStatus discard(@AuthenticationPrincipal Caller caller) {
        return shadows.discard(caller.toString());
    }
}
