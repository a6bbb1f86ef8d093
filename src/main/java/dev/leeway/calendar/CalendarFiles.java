package dev.leeway.calendar;

import dev.leeway.yaml.FileProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calendar files of a rule set, {@code calendars/<name>.yaml} below the rules directory:
 * which paths they are, and the {@link Calendars} they make.
 */
public final class CalendarFiles {

    public static final String DIRECTORY = "calendars/";
    private static final String EXTENSION = ".yaml";

    private CalendarFiles() {}

    /** The calendars and every problem found in them; a calendar with a problem is left out. */
    public record Parsed(Calendars calendars, List<FileProblem> problems) {

        public Parsed {
            problems = List.copyOf(problems);
        }
    }

    /** Whether a rule-set path is a calendar file ({@code .yml} is read too, to be told its name is wrong). */
    public static boolean isCalendar(String path) {
        return path.startsWith(DIRECTORY) && (path.endsWith(EXTENSION) || path.endsWith(".yml"));
    }

    /** The name rules use for the calendar in the file: its path under {@code calendars/}, without {@code .yaml}. */
    public static String nameOf(String path) {
        return path.substring(DIRECTORY.length(), path.length() - EXTENSION.length());
    }

    /** @param contentByPath calendar files' content by path, e.g. {@code calendars/support-nl.yaml} */
    public static Parsed parse(Map<String, String> contentByPath) {
        Map<String, BusinessCalendar> byName = new LinkedHashMap<>();
        List<FileProblem> problems = new ArrayList<>();
        contentByPath.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(file -> {
            String path = file.getKey();
            if (!path.endsWith(EXTENSION)) {
                problems.add(new FileProblem(path, 1, 1, "calendar files are named <name>.yaml"));
                return;
            }
            CalendarParser.Parsed parsed = CalendarParser.parse(path, nameOf(path), file.getValue());
            problems.addAll(parsed.problems());
            parsed.calendar().ifPresent(calendar -> byName.put(calendar.name(), calendar));
        });
        problems.sort(Comparator.comparing(FileProblem::file).thenComparingInt(FileProblem::line)
                .thenComparingInt(FileProblem::column));
        return new Parsed(new Calendars(byName), problems);
    }
}
