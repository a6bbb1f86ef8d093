package dev.leeway.rules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.leeway.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For process owners: what rules serve, whether a change would be accepted, reloads and history. */
@RestController
@RequestMapping(path = "/api/v1/rules", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Rules")
public class RulesController {

    private final ActiveRuleSet active;
    private final RuleSetValidator validator;
    private final RuleSetLoader loader;
    private final RuleSetHistory history;
    private final RulesProperties properties;

    public RulesController(ActiveRuleSet active, RuleSetValidator validator, RuleSetLoader loader,
            RuleSetHistory history, RulesProperties properties) {
        this.active = active;
        this.validator = validator;
        this.loader = loader;
        this.history = history;
        this.properties = properties;
    }

    @GetMapping
    @Operation(summary = "The active rule set: version, files with hashes, every rule with file, line and metadata")
    public RulesOverview overview() {
        return RulesOverview.of(active);
    }

    @PostMapping(path = "/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check candidate files (on top of the rules directory) without activating them")
    public ValidationReport validate(@Valid @RequestBody CandidateChange change) {
        return ValidationReport.of(validator.validate(change.applyTo(RuleSetCandidate.fromDirectory(properties.directory()))));
    }

    @PostMapping("/reload")
    @Operation(summary = "Load the rules directory now; a refused set leaves the serving one in place (422)")
    public ReloadOutcome reload(@AuthenticationPrincipal Caller caller) {
        ReloadOutcome outcome = loader.reload("api", caller.toString());
        if (outcome.rejected()) {
            throw new RuleSetRejectedException(outcome);
        }
        return outcome;
    }

    @GetMapping("/history")
    @Operation(summary = "Every rule set that was active, newest first: when, what loaded it (and who asked, for an "
            + "API reload), and what changed per file; a page at a time")
    public HistoryPage history(@RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return history.page(cursor, limit);
    }
}
