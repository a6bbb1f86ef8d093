package dev.leeway.webhook;

import java.util.List;

/** The active subscriptions, oldest first, without their secrets. */
public record SubscriptionList(List<EventSubscription> items) {}
