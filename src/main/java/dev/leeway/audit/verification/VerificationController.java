package dev.leeway.audit.verification;

import dev.leeway.audit.ChainAnchor;
import dev.leeway.audit.ChainVerification;
import dev.leeway.audit.verification.VerificationRun.Trigger;
import dev.leeway.problem.OpaqueCursor;
import dev.leeway.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.MissingServletRequestParameterException;
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
    private static final String SHA_256_HEX = "[0-9a-f]{64}";
    private static final String HASH_FORMAT = "must be 64 lowercase hexadecimal digits, a head's hash as a walk gave it";
    private static final String POSITION = "with hash: the head of an earlier walk that the caller kept; the walk then "
            + "also checks that the record there still has that hash";
    private static final String HASH = "with position: the hash of the record there, as the earlier walk gave it";

    private final ChainVerifications verifications;
    private final VerificationRuns runs;

    VerificationController(ChainVerifications verifications, VerificationRuns runs) {
        this.verifications = verifications;
        this.runs = runs;
    }

    @GetMapping("/verify")
    @Operation(summary = "Walk the hash chain while the caller waits; say where it breaks if a record was changed "
            + "or deleted. On a large log, start a verification instead")
    public ChainVerification verify(
            @Parameter(description = POSITION) @RequestParam(required = false) @Min(1) Long position,
            @Parameter(description = HASH) @RequestParam(required = false) @Pattern(regexp = SHA_256_HEX,
                    message = HASH_FORMAT) String hash,
            @AuthenticationPrincipal Caller caller)
            throws MissingServletRequestParameterException {
        return verifications.verifyNow(caller.toString(), anchor(position, hash));
    }

    @PostMapping("/verifications")
    @Operation(summary = "Start walking the hash chain in the background and answer at once with where to follow "
            + "it; if a walk is running already (and no anchor is given), that one is answered")
    @ApiResponse(responseCode = "202", description = "The walk as it begins, or the one already running; "
            + "Location is where to follow it")
    public ResponseEntity<VerificationRun> startVerification(
            @Parameter(description = POSITION) @RequestParam(required = false) @Min(1) Long position,
            @Parameter(description = HASH) @RequestParam(required = false) @Pattern(regexp = SHA_256_HEX,
                    message = HASH_FORMAT) String hash,
            @AuthenticationPrincipal Caller caller)
            throws MissingServletRequestParameterException {
        VerificationRun run = verifications.start(Trigger.REQUEST, caller.toString(), anchor(position, hash));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(run.verificationId()).toUri())
                .body(run);
    }

    /** Both or neither: a position without its hash, or the reverse, vouches for nothing. */
    private static Optional<ChainAnchor> anchor(Long position, String hash) throws MissingServletRequestParameterException {
        if (position == null && hash == null) {
            return Optional.empty();
        }
        if (hash == null) {
            throw new MissingServletRequestParameterException("hash", "String");
        }
        if (position == null) {
            throw new MissingServletRequestParameterException("position", "long");
        }
        return Optional.of(new ChainAnchor(position, hash, "the anchor given with this request"));
    }

    @GetMapping("/verifications/{verificationId}")
    @Operation(summary = "One walk of the hash chain: how far it has come, or what it found")
    public VerificationRun verification(@PathVariable String verificationId) {
        return runs.find(verificationId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
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
