package dev.leeway.watch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An event a watched case's next evaluation is expected to bring, as far as the last decision can
 * tell: rules decide again then, and a case changed meanwhile may bring something else.
 *
 * @param event the event's wire name, e.g. {@code deadline.breached}
 * @param kind the deadline's or obligation's kind
 * @param at when the deadline, warning, level or obligation comes due; the watch decides at the first
 *        millisecond the rules count it reached (a deadline passes just after its due time)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExpectedEvent(String event, String kind, Instant at, Integer percent, String escalateTo, String owner) {}
