package dev.leeway.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A country's public holidays as Jollyday knows them (e.g. {@code NL}: New Year, Easter and
 * Whit Monday, King's Day, Liberation Day, Ascension, Christmas…), on the day they are actually
 * kept. Bank holidays and observances (such as Good Friday in the Netherlands) do not close a calendar.
 */
public final class PublicHolidays {

    private final String country;
    private final HolidayManager manager;
    /** Each year's holidays are worked out once; calendars are asked about the same few years all day. */
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    private PublicHolidays(String country, HolidayManager manager) {
        this.country = country;
        this.manager = manager;
    }

    /** The public holidays of the country with this ISO code (case does not matter). */
    public static PublicHolidays of(String country) {
        String code = country.strip().toUpperCase(Locale.ROOT);
        if (!isKnown(code)) {
            throw new IllegalArgumentException("unknown country \"" + country + "\" for public holidays; "
                    + "use an ISO 3166 code such as NL, DE or GB");
        }
        return new PublicHolidays(code, HolidayManager.getInstance(ManagerParameters.create(code)));
    }

    public static boolean isKnown(String country) {
        return HolidayManager.getSupportedCalendarCodes().contains(country.strip().toUpperCase(Locale.ROOT));
    }

    public String country() {
        return country;
    }

    public boolean contains(LocalDate date) {
        return byYear.computeIfAbsent(date.getYear(), this::holidaysIn).contains(date);
    }

    private Set<LocalDate> holidaysIn(int year) {
        return manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY).stream()
                .map(Holiday::getActualDate)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String toString() {
        return "public holidays of " + country;
    }
}
