package dev.leeway.calendar;

import java.util.Map;
import java.util.Optional;

/** The calendars of one rule set, by name. */
public record Calendars(Map<String, BusinessCalendar> byName) {

    public static final Calendars NONE = new Calendars(Map.of());

    public Calendars {
        byName = Map.copyOf(byName);
    }

    public Optional<BusinessCalendar> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
