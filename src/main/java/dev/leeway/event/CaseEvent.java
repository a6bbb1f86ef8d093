package dev.leeway.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to a case, as subscribers are told it.
 *
 * @param id time-ordered (UUIDv7); the same on every delivery attempt
 * @param time when it happened (for a timer, the instant the case was decided at)
 * @param recordId the audit record that holds the decision or escape use it stems from
 * @param data the event's body, serialised as JSON
 */
public record CaseEvent(UUID id, EventType type, String caseId, Instant time, String recordId, Object data) {}
