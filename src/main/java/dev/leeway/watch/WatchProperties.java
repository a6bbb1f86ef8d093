package dev.leeway.watch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Watched cases' timers ({@code leeway.watch.*}).
 *
 * @param pollInterval how often this instance looks for timers that have come due; {@code 0} never
 *        (then only {@link DueTimers#fireDue()} fires them)
 * @param batchSize the most timers one look claims at once
 * @param claimLease how long a claimed timer is this instance's alone; past it, another instance may
 *        take it over (an instance that died while holding it)
 */
@ConfigurationProperties("leeway.watch")
public record WatchProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("30s") Duration claimLease) {}
