package dev.leeway.audit.verification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code auditChain} component of {@code /actuator/health}: what the latest finished walk of the
 * audit chain found, on any instance sharing the database. {@code BROKEN} when it found a record
 * changed or missing, with where; UP otherwise, also before the first walk has finished.
 */
@Component("auditChain")
class AuditChainHealth implements HealthIndicator {

    /**
     * The instance still decides and records, so it keeps its traffic; whoever watches health sees
     * that the log needs an auditor.
     */
    static final Status BROKEN = new Status("BROKEN", "the latest walk found the audit chain broken");

    private final VerificationRuns runs;

    AuditChainHealth(VerificationRuns runs) {
        this.runs = runs;
    }

    @Override
    public Health health() {
        Optional<VerificationRun> latest = runs.latestFinished();
        if (latest.isEmpty()) {
            return Health.up().withDetail("latestWalk", "none has finished yet").build();
        }
        VerificationRun walk = latest.get();
        Map<String, Object> found = new LinkedHashMap<>();
        found.put("verificationId", walk.verificationId());
        found.put("finishedAt", walk.finishedAt().toString());
        found.put("recordsChecked", walk.result().recordsChecked());
        if (walk.result().intact()) {
            found.put("head", walk.result().head());
            return Health.up().withDetail("latestWalk", found).build();
        }
        found.put("firstBreak", walk.result().firstBreak());
        return Health.status(BROKEN).withDetail("latestWalk", found).build();
    }
}
