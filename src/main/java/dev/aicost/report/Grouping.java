package dev.aicost.report;

import java.util.Locale;

/**
 * Whole numbers with thousands separators for summaries and chat answers ("$12,345"): what
 * {@code String.format(Locale.ROOT, "%,.0f", v)} writes, without java.util.Formatter, whose parsing
 * of the pattern on every call was a few percent of a warm report on Lambda's C1-only JVM.
 */
public final class Grouping {
    private Grouping() {
    }

    /** {@code v} rounded half up to a whole number, digits grouped by three with ','. */
    public static String wholeNumber(double v) {
        if (!(v >= 0 && v < 1e15)) { // negative, huge or not a number: the formatter's own rules
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        // Half up on the decimal value: for doubles below 2^52 Math.round (floor of v + 0.5, exact) agrees.
        String digits = Long.toString(Math.round(v));
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        StringBuilder s = new StringBuilder(digits.length() + digits.length() / 3);
        s.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            s.append(',').append(digits, i, i + 3);
        }
        return s.toString();
    }
}
