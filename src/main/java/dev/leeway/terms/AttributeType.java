package dev.leeway.terms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** What kind of value a declared case attribute holds, and how a request's JSON value is read as one. */
public enum AttributeType {
    TEXT("text"),
    NUMBER("a number"),
    BOOLEAN("true or false"),
    DATE("a date such as 2026-12-31");

    private final String described;

    AttributeType(String described) {
        this.described = described;
    }

    /** How an error names what was expected. */
    public String described() {
        return described;
    }

    /** The value as rules see it (String, BigDecimal, Boolean or LocalDate); empty when it is not of this type. */
    public Optional<Object> read(Object json) {
        return switch (this) {
            case TEXT -> json instanceof String text ? Optional.of(text) : Optional.empty();
            case NUMBER -> json instanceof Number number ? Optional.of(new BigDecimal(number.toString())) : Optional.empty();
            case BOOLEAN -> json instanceof Boolean flag ? Optional.of(flag) : Optional.empty();
            case DATE -> json instanceof String text ? date(text) : Optional.empty();
        };
    }

    private static Optional<Object> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
