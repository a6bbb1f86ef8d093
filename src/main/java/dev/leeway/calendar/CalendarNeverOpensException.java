package dev.leeway.calendar;

/** A calendar asked to count open time it never reaches: it has no opening left within the search horizon. */
public class CalendarNeverOpensException extends IllegalStateException {

    public CalendarNeverOpensException(String message) {
        super(message);
    }
}
