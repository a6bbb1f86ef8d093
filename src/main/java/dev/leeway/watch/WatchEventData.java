package dev.leeway.watch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The body of an event a watched case's decision brought.
 *
 * @param decisionId the decision that brought it; its audit record has the same id
 * @param kind the deadline's or obligation's kind; for an escalation by route, the route's step
 * @param due when the deadline or obligation is (was) due
 * @param percent the warning's or level's share of the deadline's span
 * @param escalateTo the role the case goes to
 * @param owner who owns the obligation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WatchEventData(String decisionId, String kind, Instant due, Integer percent, String escalateTo,
        String owner) {}
