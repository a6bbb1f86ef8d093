package dev.leeway.vocabulary;

import dev.leeway.calendar.BusinessCalendar;
import dev.leeway.calendar.Calendars;
import dev.leeway.decision.Deadline;
import dev.leeway.decision.DeadlineClock;
import dev.leeway.decision.DeadlineWarning;
import dev.leeway.decision.EscalationLevel;
import dev.leeway.facts.DeadlinePassed;
import dev.leeway.facts.DeadlineWarned;
import dev.leeway.facts.EscalationLevelReached;
import dev.leeway.terms.Terms;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A deadline a rule sets, e.g.
 * <pre>
 * decision.deadline("RESOLUTION").businessHoursAfterOpening(16).on("support-nl")
 *         .pausedWhile("WAITING_FOR_CUSTOMER").warnAt(75).escalateTo("TEAM_LEAD").escalateAt(150, "MANAGER");
 * </pre>
 * The deadline's clock counts either all time ({@code hoursAfterOpening}) or a calendar's open time
 * ({@code businessHoursAfterOpening … on(calendar)}), and stands still while the case is in a
 * status it pauses in. Steps may come in any order: the deadline is worked out from all of them
 * once the rule's consequence has run, so that facts derived from it (a passed deadline, a reached
 * level) match the whole rule.
 * When several rules set the same kind of deadline, the earliest due time stands.
 */
public final class DeadlineDraft {

    private static final int DEADLINE_PERCENT = 100;

    private final String kind;
    private final RuleRef rule;
    private final Clocks clocks;
    private final Consumer<DeadlineDraft> onChange;

    private Instant start;
    private Duration span;
    private boolean businessTime;
    private String calendarName;
    private final Set<String> pausedIn = new HashSet<>();
    private final Set<String> unknownStatuses = new LinkedHashSet<>();
    private final SortedSet<Integer> warningPercents = new TreeSet<>();
    private final SortedMap<Integer, String> levels = new TreeMap<>();

    private boolean settled;
    private ClockReading reading;
    private Instant due;

    DeadlineDraft(String kind, RuleRef rule, Clocks clocks, Consumer<DeadlineDraft> onChange) {
        this.kind = kind;
        this.rule = rule;
        this.clocks = clocks;
        this.onChange = onChange;
    }

    public DeadlineDraft minutesAfterOpening(long minutes) {
        return counting(clocks.openedAt(), Duration.ofMinutes(minutes), false);
    }

    public DeadlineDraft hoursAfterOpening(long hours) {
        return counting(clocks.openedAt(), Duration.ofHours(hours), false);
    }

    public DeadlineDraft hoursFromNow(long hours) {
        return counting(clocks.now(), Duration.ofHours(hours), false);
    }

    /** Counts only the open time of the calendar named by {@link #on(String)}, from the next opening after the case opened. */
    public DeadlineDraft businessHoursAfterOpening(long hours) {
        return counting(clocks.openedAt(), Duration.ofHours(hours), true);
    }

    /** Counts only the open time of the calendar named by {@link #on(String)}, from the next opening after the case opened. */
    public DeadlineDraft businessMinutesAfterOpening(long minutes) {
        return counting(clocks.openedAt(), Duration.ofMinutes(minutes), true);
    }

    /** The calendar ({@code calendars/<name>.yaml}) whose open time a business-time deadline counts. */
    public DeadlineDraft on(String calendar) {
        this.calendarName = calendar;
        return changed();
    }

    /** Statuses in which the clock stands still, e.g. {@code WAITING_FOR_CUSTOMER}. */
    public DeadlineDraft pausedWhile(String... statuses) {
        for (String status : statuses) {
            clocks.statuses().declared(status).ifPresentOrElse(pausedIn::add, () -> unknownStatuses.add(status));
        }
        return changed();
    }

    /** Warns once the clock has run this share (in percent) of its span, e.g. {@code warnAt(75)}. */
    public DeadlineDraft warnAt(int percent) {
        warningPercents.add(percent);
        return changed();
    }

    /** The role that takes the case over once this deadline passes: the escalation level at 100 %. */
    public DeadlineDraft escalateTo(String role) {
        return escalateAt(DEADLINE_PERCENT, role);
    }

    /** The role that takes the case over once the clock has run this share (in percent) of its span, e.g. {@code escalateAt(150, "MANAGER")}. */
    public DeadlineDraft escalateAt(int percent, String role) {
        levels.put(percent, role);
        return changed();
    }

    private DeadlineDraft counting(Instant from, Duration time, boolean onCalendar) {
        this.start = from;
        this.span = time;
        this.businessTime = onCalendar;
        return changed();
    }

    private DeadlineDraft changed() {
        settled = false;
        onChange.accept(this);
        return this;
    }

    /** Works the deadline out from the steps so far, once after they change rather than at every step. */
    private void settle() {
        if (settled) {
            return;
        }
        settled = true;
        reading = null;
        due = null;
        if (unfinished().isEmpty()) {
            reading = new ClockReading(countedTime(), clocks.timeline().running(start, pausedIn),
                    clocks.timeline().runsNow(pausedIn), start, clocks.now());
            due = reading.reaches(span);
        }
    }

    /** What keeps the steps so far from making a deadline; empty once they do. */
    private Optional<String> unfinished() {
        if (span == null) {
            return Optional.of("has no due time");
        }
        if (span.isNegative()) {
            return Optional.of("counts a negative time (" + span.toMinutes() + " minutes)");
        }
        if (businessTime && calendarName == null) {
            return Optional.of("counts business time but names no calendar: add .on(\"<calendar>\")");
        }
        if (!businessTime && calendarName != null) {
            return Optional.of("counts all time but names calendar \"" + calendarName
                    + "\": count business time (businessHoursAfterOpening) to count its open time");
        }
        if (businessTime && clocks.calendars().named(calendarName).isEmpty()) {
            return Optional.of("names calendar \"" + calendarName + "\", which the rule set does not have; it has "
                    + new TreeSet<>(clocks.calendars().byName().keySet()));
        }
        if (!unknownStatuses.isEmpty()) {
            return Optional.of("pauses while " + unknownStatuses + ", which are not statuses the vocabulary declares: "
                    + clocks.statuses().listed());
        }
        if (!warningPercents.isEmpty() && (warningPercents.first() <= 0 || warningPercents.last() >= DEADLINE_PERCENT)) {
            return Optional.of("warns at " + warningPercents + " %: a warning comes between 1 and 99 %;"
                    + " from 100 % on, escalate (escalateAt)");
        }
        if (!levels.isEmpty() && levels.firstKey() <= 0) {
            return Optional.of("escalates at " + levels.firstKey() + " %: a level is above 0 %");
        }
        return Optional.empty();
    }

    private CountedTime countedTime() {
        if (!businessTime) {
            return CountedTime.ALL;
        }
        BusinessCalendar calendar = clocks.calendars().named(calendarName).orElseThrow();
        return CountedTime.openTimeOf(calendar);
    }

    /** In whole nanoseconds, as {@link Duration#dividedBy(long)} would give them, without its BigDecimal. */
    private Duration share(int percent) {
        long nanos = span.toNanos();
        return Duration.ofNanos(nanos / 100 * percent + nanos % 100 * percent / 100);
    }

    String kind() {
        return kind;
    }

    /** Null until the steps so far make a deadline. */
    Instant due() {
        settle();
        return due;
    }

    boolean passed() {
        settle();
        return reading != null && reading.hasReached(span);
    }

    RuleRef rule() {
        return rule;
    }

    /** The facts this deadline, were it the standing one of its kind, gives other rules to match, by key. */
    Map<String, Object> derivedFacts() {
        settle();
        Map<String, Object> facts = new LinkedHashMap<>();
        if (reading == null) {
            return facts;
        }
        if (passed()) {
            facts.put("deadline:" + kind, new DeadlinePassed(kind, due, -remainingMinutes()));
        }
        for (int percent : warningPercents) {
            if (reading.hasReached(share(percent))) {
                facts.put("warning:" + kind + ":" + percent,
                        new DeadlineWarned(kind, percent, reading.reaches(share(percent))));
            }
        }
        levels.forEach((percent, role) -> {
            if (reading.hasReached(share(percent))) {
                facts.put("level:" + kind + ":" + percent,
                        new EscalationLevelReached(kind, percent, role, reading.reaches(share(percent))));
            }
        });
        return facts;
    }

    /** The clock's span less its elapsed time, both in whole minutes so that the two add up to the span. */
    private long remainingMinutes() {
        return span.toMinutes() - reading.elapsed().toMinutes();
    }

    Deadline toDeadline() {
        settle();
        Optional<String> unfinished = unfinished();
        if (unfinished.isPresent()) {
            throw new RuleConclusionException(rule.name(), "deadline " + kind + " " + unfinished.get());
        }
        List<DeadlineWarning> warnings = new ArrayList<>();
        for (int percent : warningPercents) {
            Duration share = share(percent);
            warnings.add(new DeadlineWarning(percent, reading.reaches(share), reading.hasReached(share)));
        }
        List<EscalationLevel> escalationLevels = new ArrayList<>();
        levels.forEach((percent, role) -> escalationLevels.add(
                new EscalationLevel(percent, role, reading.reaches(share(percent)), reading.hasReached(share(percent)))));
        return new Deadline(kind, due, passed(), levels.get(DEADLINE_PERCENT), rule.name(),
                businessTime ? calendarName : null, reading.runsNow() ? DeadlineClock.RUNNING : DeadlineClock.PAUSED,
                reading.elapsed().toMinutes(), remainingMinutes(), warnings, escalationLevels);
    }

    /** What every deadline of one evaluation counts against. */
    record Clocks(Instant now, Instant openedAt, StatusTimeline timeline, Calendars calendars, Terms statuses) {}
}
