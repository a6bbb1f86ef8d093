package dev.leeway.shadow;

import java.time.Instant;

/**
 * What a shadow rule set has done since it started.
 *
 * @param shadowVersion the shadow's version
 * @param activeVersion the version that answers live decisions
 * @param evaluated live decisions the shadow decided again
 * @param differed of those, the ones it decided differently (see the differences listing)
 * @param dropped live decisions it never saw because its queue was full
 * @param failed live decisions it could not decide (e.g. a runaway rule); the live answer was unaffected
 * @param queued live decisions waiting for it now
 */
public record ShadowStatus(String shadowVersion, String activeVersion, Instant since, String startedBy,
        long evaluated, long differed, long dropped, long failed, long queued) {}
