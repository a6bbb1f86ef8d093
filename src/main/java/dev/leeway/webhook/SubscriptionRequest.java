package dev.leeway.webhook;

import java.util.List;

/**
 * A new subscription as a caller asks for it; Leeway makes its secret.
 *
 * @param name what operators call it; defaults to the URL's host
 * @param events wire names, e.g. {@code ["deadline.breached", "escape.used"]}
 */
public record SubscriptionRequest(String name, String url, List<String> events) {}
