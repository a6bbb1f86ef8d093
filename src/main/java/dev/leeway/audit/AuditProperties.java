package dev.leeway.audit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit log ({@code leeway.audit.*}).
 *
 * @param enabled record every decision before answering (switch off only to measure what auditing costs)
 * @param maxBatch the most appends (a decision, an escape use with its table row…) one group commit carries
 * @param writeTimeout how long a request waits for its record to be durable before it fails with 503
 * @param masking fields of the request that are hashed or removed before storage
 * @param verifyEvery how often the whole chain is walked without anyone asking; {@code 0} never
 */
@ConfigurationProperties("leeway.audit")
public record AuditProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500") int maxBatch,
        @DefaultValue("10s") Duration writeTimeout,
        @DefaultValue Masking masking,
        @DefaultValue("24h") Duration verifyEvery) {

    /**
     * @param hashed JSON paths of the request replaced by {@code sha256:…} of salt + value, e.g. {@code case.customer.id}
     * @param removed JSON paths of the request left out, e.g. {@code case.attributes.email}
     * @param salt mixed into hashes so that short values (ids, phone numbers) cannot be looked up
     */
    public record Masking(
            @DefaultValue({}) List<String> hashed,
            @DefaultValue({}) List<String> removed,
            @DefaultValue("") String salt) {}
}
