package dev.leeway.calendar;

import dev.leeway.yaml.FileProblem;
import dev.leeway.yaml.YamlTree;
import dev.leeway.yaml.YamlTree.At;
import dev.leeway.yaml.YamlTree.Entry;
import dev.leeway.yaml.YamlTree.Mapping;
import dev.leeway.yaml.YamlTree.Node;
import dev.leeway.yaml.YamlTree.Scalar;
import dev.leeway.yaml.YamlTree.Sequence;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;

/**
 * Reads one calendar file into a {@link WeeklyCalendar}, or reports every problem in it at its
 * line and column. The format is described in docs/rules.md, "Calendars".
 */
final class CalendarParser {

    static final String ALWAYS = "always";
    private static final List<String> KEYS = List.of("timeZone", "hours", "holidays", "yearly", "publicHolidays");
    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private final String path;
    private final String name;
    private final List<FileProblem> problems = new ArrayList<>();

    private ZoneId zone;
    private At hoursAt;
    private final Map<DayOfWeek, List<OpenInterval>> hours = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> dates = new LinkedHashSet<>();
    private final Set<MonthDay> yearly = new LinkedHashSet<>();
    private final List<PublicHolidays> publicHolidays = new ArrayList<>();

    private CalendarParser(String path, String name) {
        this.path = path;
        this.name = name;
    }

    record Parsed(Optional<WeeklyCalendar> calendar, List<FileProblem> problems) {}

    static Parsed parse(String path, String name, String content) {
        CalendarParser parser = new CalendarParser(path, name);
        Optional<WeeklyCalendar> calendar = parser.calendar(content);
        return new Parsed(parser.problems.isEmpty() ? calendar : Optional.empty(), List.copyOf(parser.problems));
    }

    private Optional<WeeklyCalendar> calendar(String content) {
        Node root;
        try {
            root = YamlTree.read(content);
        } catch (JacksonException e) {
            At at = At.of(e.getLocation());
            problem(at, "not readable as YAML: " + oneLine(e.getOriginalMessage()));
            return Optional.empty();
        }
        if (!(root instanceof Mapping mapping)) {
            problem(root == null ? new At(1, 1) : root.at(), "a calendar file is a mapping with timeZone and hours"
                    + " (and optionally holidays, yearly, publicHolidays)");
            return Optional.empty();
        }
        Set<String> seen = new HashSet<>();
        for (Entry entry : mapping.entries()) {
            String key = entry.key().text();
            if (!KEYS.contains(key)) {
                problem(entry.key().at(), "unknown key \"" + key + "\"; a calendar has " + String.join(", ", KEYS));
                continue;
            }
            if (!seen.add(key)) {
                problem(entry.key().at(), "\"" + key + "\" is given twice");
                continue;
            }
            switch (key) {
                case "timeZone" -> timeZone(entry.value());
                case "hours" -> {
                    hoursAt = entry.key().at();
                    hours(entry.value());
                }
                case "holidays" -> scalars(entry.value(), "holidays", this::date);
                case "yearly" -> scalars(entry.value(), "yearly", this::monthDay);
                default -> scalars(entry.value(), "publicHolidays", this::country);
            }
        }
        if (!seen.contains("timeZone")) {
            problem(mapping.at(), "calendar has no timeZone (e.g. timeZone: Europe/Amsterdam)");
        }
        if (!seen.contains("hours")) {
            problem(mapping.at(), "calendar has no hours (e.g. hours: {mon-fri: [\"08:30-17:30\"]}, or hours: always)");
        } else if (hours.values().stream().allMatch(List::isEmpty) && problems.isEmpty()) {
            problem(hoursAt, "calendar has no opening hours: a deadline on it would never fall due");
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WeeklyCalendar(name, zone, hours, new Holidays(dates, yearly, publicHolidays)));
    }

    private void timeZone(Node value) {
        text(value, "timeZone").ifPresent(text -> {
            try {
                zone = ZoneId.of(text.text().strip());
            } catch (DateTimeException e) {
                problem(text.at(), "unknown time zone \"" + text.text() + "\"; use a region such as Europe/Amsterdam, or UTC");
            }
        });
    }

    private void hours(Node value) {
        if (value instanceof Scalar scalar && scalar.text() != null && ALWAYS.equals(scalar.text().strip())) {
            for (DayOfWeek day : DayOfWeek.values()) {
                hours.put(day, List.of(OpenInterval.WHOLE_DAY));
            }
            return;
        }
        if (!(value instanceof Mapping days)) {
            problem(value.at(), "hours is \"always\" or a mapping from weekdays (mon … sun, or a range such as mon-fri)"
                    + " to intervals such as [\"08:30-12:00\", \"13:00-17:30\"]");
            return;
        }
        for (Entry entry : days.entries()) {
            List<DayOfWeek> named = days(entry.key());
            List<OpenInterval> intervals = intervals(entry.value());
            for (DayOfWeek day : named) {
                if (hours.containsKey(day)) {
                    problem(entry.key().at(), "hours for " + DAY_NAMES.get(day.ordinal()) + " are given twice");
                } else {
                    hours.put(day, intervals);
                }
            }
        }
    }

    /** A weekday ({@code mon}) or a range of them ({@code mon-fri}); empty after a reported problem. */
    private List<DayOfWeek> days(Scalar key) {
        String text = key.text().strip().toLowerCase(Locale.ROOT);
        String[] ends = text.split("\\s*-\\s*", -1);
        if (ends.length > 2 || ends.length == 0) {
            problem(key.at(), "unknown weekday \"" + key.text() + "\"; use mon, tue, wed, thu, fri, sat, sun or a range such as mon-fri");
            return List.of();
        }
        int first = DAY_NAMES.indexOf(ends[0]);
        int last = DAY_NAMES.indexOf(ends[ends.length - 1]);
        if (first < 0 || last < 0) {
            problem(key.at(), "unknown weekday \"" + key.text() + "\"; use mon, tue, wed, thu, fri, sat, sun or a range such as mon-fri");
            return List.of();
        }
        if (last < first) {
            problem(key.at(), "weekday range \"" + key.text() + "\" runs backwards; a week runs mon to sun");
            return List.of();
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (int day = first; day <= last; day++) {
            days.add(DayOfWeek.of(day + 1));
        }
        return days;
    }

    /** A day's intervals; an empty value or {@code []} is a closed day. */
    private List<OpenInterval> intervals(Node value) {
        List<OpenInterval> intervals = new ArrayList<>();
        List<Scalar> items = new ArrayList<>();
        if (value instanceof Scalar scalar && scalar.text() == null) {
            return List.of();
        }
        scalars(value, "a day's hours", items::add);
        for (Scalar item : items) {
            OpenInterval interval;
            try {
                interval = OpenInterval.parse(item.text());
            } catch (IllegalArgumentException e) {
                problem(item.at(), "bad interval: " + e.getMessage());
                continue;
            }
            Optional<OpenInterval> overlapped = intervals.stream().filter(interval::overlaps).findFirst();
            if (overlapped.isPresent()) {
                problem(item.at(), "interval " + interval + " overlaps " + overlapped.get() + " on the same day");
                continue;
            }
            intervals.add(interval);
        }
        return List.copyOf(intervals);
    }

    private void date(Scalar value) {
        try {
            dates.add(LocalDate.parse(value.text().strip()));
        } catch (DateTimeParseException e) {
            problem(value.at(), "bad date \"" + value.text() + "\" in holidays; write YYYY-MM-DD, e.g. 2026-12-25");
        }
    }

    private void monthDay(Scalar value) {
        try {
            yearly.add(MonthDay.parse("--" + value.text().strip()));
        } catch (DateTimeParseException e) {
            problem(value.at(), "bad day \"" + value.text() + "\" in yearly; write MM-DD, e.g. 12-25");
        }
    }

    private void country(Scalar value) {
        try {
            publicHolidays.add(PublicHolidays.of(value.text()));
        } catch (IllegalArgumentException e) {
            problem(value.at(), e.getMessage());
        }
    }

    /** A scalar or a list of scalars, each handed on; anything else is reported. */
    private void scalars(Node value, String what, Consumer<Scalar> each) {
        List<Node> items = value instanceof Sequence sequence ? sequence.items() : List.of(value);
        for (Node item : items) {
            if (item instanceof Scalar scalar && scalar.text() != null) {
                each.accept(scalar);
            } else if (!(item instanceof Scalar)) {
                problem(item.at(), what + " takes a value or a list of values, not a " + kind(item));
            } else if (value instanceof Sequence) {
                problem(item.at(), what + " has an empty entry");
            }
        }
    }

    private Optional<Scalar> text(Node value, String what) {
        if (value instanceof Scalar scalar && scalar.text() != null && !scalar.text().isBlank()) {
            return Optional.of(scalar);
        }
        problem(value.at(), what + " takes one value");
        return Optional.empty();
    }

    /**
     * The YAML parser explains itself over several lines, quoting the text with a caret under it;
     * a problem's message is one line, and its place is given already.
     */
    private static String oneLine(String message) {
        List<String> said = new ArrayList<>();
        List<String> lines = message.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("in reader,")) {
                i += 2; // the quoted line and the caret under it
            } else if (!line.isEmpty()) {
                said.add(line);
            }
        }
        return String.join(": ", said);
    }

    private static String kind(Node node) {
        return node instanceof Mapping ? "mapping" : "list";
    }

    private void problem(At at, String message) {
        problems.add(new FileProblem(path, at.line(), at.column(), message));
    }
}
