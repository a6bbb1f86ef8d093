package dev.leeway.audit.verification;

import dev.leeway.audit.ChainVerification;
import dev.leeway.audit.verification.VerificationRun.Trigger;
import dev.leeway.web.OpaqueCursor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** For auditors: is the log as it was written? Checked while they wait, or in the background. */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit")
public class VerificationController {

    private static final String CURSOR_KIND = "verification-before";

    private final ChainVerifications verifications;
    private final VerificationRuns runs;

    VerificationController(ChainVerifications verifications, VerificationRuns runs) {
        this.verifications = verifications;
        this.runs = runs;
    }

    @GetMapping("/verify")
    @Operation(summary = "Walk the hash chain while the caller waits; say where it breaks if a record was changed "
            + "or deleted. On a large log, start a verification instead")
    public ChainVerification verify() {
        return verifications.verifyNow();
    }

    @PostMapping("/verifications")
    @Operation(summary = "Start walking the hash chain in the background and answer at once with where to follow "
            + "it; if a walk is running already, that one is answered")
    public ResponseEntity<VerificationRun> startVerification() {
        VerificationRun run = verifications.start(Trigger.REQUEST);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                        .buildAndExpand(run.verificationId()).toUri())
                .body(run);
    }

    @GetMapping("/verifications/{verificationId}")
    @Operation(summary = "One walk of the hash chain: how far it has come, or what it found")
    public VerificationRun verification(@PathVariable String verificationId) {
        return verifications.find(verificationId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No verification " + verificationId + " was started."));
    }

    @GetMapping("/verifications")
    @Operation(summary = "Every walk of the hash chain, latest first, a page at a time: when the log was last "
            + "verified, and what was found")
    public VerificationPage verifications(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        String before = cursor == null || cursor.isBlank() ? null : OpaqueCursor.decode(CURSOR_KIND, cursor);
        List<VerificationRun> found = runs.newestFirst(before, limit + 1);
        List<VerificationRun> items = found.stream().limit(limit).toList();
        return new VerificationPage(items, found.size() > limit
                ? OpaqueCursor.encode(CURSOR_KIND, items.get(items.size() - 1).verificationId()) : null);
    }
}
