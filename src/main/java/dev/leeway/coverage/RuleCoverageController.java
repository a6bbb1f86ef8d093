package dev.leeway.coverage;

import dev.leeway.problem.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For rule owners: which rules and escapes recorded decisions used, and which they never did. */
@RestController
@Tag(name = "Rules")
public class RuleCoverageController {

    private final RuleCoverageReport report;

    public RuleCoverageController(RuleCoverageReport report) {
        this.report = report;
    }

    @GetMapping(path = "/api/v1/rules/coverage", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Per rule of the serving set: how often it fired in decisions recorded in [from, to) and when "
            + "last; the rules that never fired; per escape: how often offered, used, approved and flagged")
    public RuleCoverage coverage(
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        InvalidParameterException.requireOrdered(from, to);
        return report.between(from, to);
    }
}
