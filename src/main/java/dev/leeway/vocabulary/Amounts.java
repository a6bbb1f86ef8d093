package dev.leeway.vocabulary;

import java.math.BigDecimal;

/** Rule files write amounts as plain numbers ({@code upTo(50)}); the decision carries exact decimals. */
final class Amounts {

    private Amounts() {}

    static BigDecimal of(Number number) {
        return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
    }
}
