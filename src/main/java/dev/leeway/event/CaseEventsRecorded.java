package dev.leeway.event;

import java.util.List;

/**
 * Published synchronously from inside the audit append that records what caused the events (an
 * {@code Append}'s table write), so that listeners write them in that same transaction: the events
 * are kept if and only if the audit record is.
 */
public record CaseEventsRecorded(List<CaseEvent> events) {

    public CaseEventsRecorded {
        events = List.copyOf(events);
    }
}
