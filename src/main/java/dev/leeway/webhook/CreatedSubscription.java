package dev.leeway.webhook;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A subscription just made, with its signing secret: the only answer that ever shows it.
 *
 * @param secret {@code whsec_…}: verify each delivery's {@code webhook-signature} with it
 */
public record CreatedSubscription(@JsonUnwrapped EventSubscription subscription, String secret) {}
