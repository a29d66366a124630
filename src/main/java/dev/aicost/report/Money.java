package dev.aicost.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Money and shares in words, one rule for every text the product writes (the report's summary and
 * reasons, the chat answers, the ranges): $1.23B, $45.6k, $1,234, $0.0019; 42 %. Figures round half
 * up, as people round.
 */
public final class Money {
    private Money() {
    }

    /** Dollars without the sign, as {@link #usd(double, int)} writes them, two figures below $1. */
    public static String usd(double v) {
        return usd(v, 2);
    }

    /**
     * Dollars without the sign: three significant figures with B, M or k from $10k up, whole dollars
     * with thousands separators from $1, and {@code figuresUnderOneDollar} significant figures below.
     */
    public static String usd(double v, int figuresUnderOneDollar) {
        if (v >= 1e9) {
            return figures(v / 1e9, 3) + "B";
        }
        if (v >= 1e6) {
            return figures(v / 1e6, 3) + "M";
        }
        if (v >= 1e4) {
            return figures(v / 1e3, 3) + "k";
        }
        if (v >= 1) {
            return Grouping.wholeNumber(v);
        }
        return figures(v, figuresUnderOneDollar);
    }

    /** A number to {@code digits} significant figures, in plain decimals (0.00019, not 1.9E-4). */
    public static String figures(double v, int digits) {
        return figures(v, digits, RoundingMode.HALF_UP);
    }

    /** The same, rounded as {@code rounding} says (a range's ends round outwards). */
    public static String figures(double v, int digits, RoundingMode rounding) {
        if (v == 0) {
            return "0";
        }
        return BigDecimal.valueOf(v).round(new MathContext(digits, rounding)).stripTrailingZeros().toPlainString();
    }

    /** A count of hours or things: three significant figures, thousands separated (151,000; 53.5; 0.278). */
    public static String count(double v) {
        double rounded = new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_UP)).doubleValue();
        return rounded >= 1000 ? Grouping.wholeNumber(rounded) : figures(v, 3);
    }

    /** A duration in days as people say it: hours under a day (6.7 hours), else days (24.6 days). */
    public static String days(double days) {
        return days < 1 ? figures(days * 24, 3) + " hours" : count(days) + " days";
    }

    /** A share as a whole percentage: 0.423 → "42 %". */
    public static String pct(double share) {
        return Math.round(share * 100) + " %";
    }
}
