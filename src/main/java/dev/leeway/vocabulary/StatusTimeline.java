package dev.leeway.vocabulary;

import dev.leeway.facts.ServiceCase;
import dev.leeway.facts.StatusChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which status the case was in when, as its {@code statusHistory} tells: each entry holds from its
 * instant until the next. Time before the first entry runs every clock, since nothing says the case
 * waited then. The case's {@code status} is its status at the evaluation instant; when the history
 * does not end with it, nobody said since when, so it decides only whether clocks run from now on.
 * Entries after the evaluation instant have not happened yet at that instant and are left out.
 */
final class StatusTimeline {

    private final List<StatusChange> history;
    private final String current;
    private final Instant now;

    StatusTimeline(ServiceCase serviceCase, Instant now) {
        List<StatusChange> given = serviceCase.statusHistory();
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null || given.get(i).status() == null || given.get(i).at() == null) {
                // The API refuses such an entry; a scenario file is read without that check.
                throw new IllegalArgumentException("case.statusHistory[" + i + "] needs both a status and an at");
            }
        }
        this.history = given.stream().filter(change -> !change.at().isAfter(now)).toList();
        this.current = serviceCase.status();
        this.now = now;
    }

    /** Whether a clock that pauses in the given statuses runs at the evaluation instant. */
    boolean runsNow(Set<String> paused) {
        return !paused.contains(current);
    }

    /** The stretches of {@code [from, now)} in which a clock that pauses in the given statuses ran, in order. */
    List<Stretch> running(Instant from, Set<String> paused) {
        List<Stretch> stretches = new ArrayList<>();
        Instant cursor = from;
        String status = null;
        for (StatusChange change : history) {
            if (change.at().isAfter(cursor)) {
                add(stretches, cursor, change.at(), status, paused);
                cursor = change.at();
            }
            status = change.status();
        }
        add(stretches, cursor, now, status, paused);
        return List.copyOf(stretches);
    }

    private static void add(List<Stretch> stretches, Instant from, Instant to, String status, Set<String> paused) {
        if (!to.isAfter(from) || (status != null && paused.contains(status))) {
            return;
        }
        int last = stretches.size() - 1;
        if (last >= 0 && stretches.get(last).to().equals(from)) {
            stretches.set(last, new Stretch(stretches.get(last).from(), to));
        } else {
            stretches.add(new Stretch(from, to));
        }
    }

    /** A span of time in which a clock ran: from inclusive, to exclusive. */
    record Stretch(Instant from, Instant to) {}
}
