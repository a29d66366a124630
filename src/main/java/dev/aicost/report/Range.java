package dev.aicost.report;

import java.math.RoundingMode;

/**
 * The 10th and 90th percentile of a figure: the published or billed value is expected inside for
 * about eight estimates in ten. The point estimate stays in its own field, with p10 ≤ point ≤ p90.
 */
public record Range(double p10, double p90) {
    public Range {
        if (!(p10 >= 0 && p90 >= p10 && Double.isFinite(p90))) {
            throw new IllegalArgumentException("a range needs 0 <= p10 <= p90, got " + p10 + ".." + p90);
        }
    }

    /** " (likely $8.1k–13k)" for people, both ends in the unit of the higher one; "" for a range of one value. */
    public String likelyUsd() {
        if (!(p10 < p90)) {
            return "";
        }
        double unit = p90 >= 1e9 ? 1e9 : p90 >= 1e6 ? 1e6 : p90 >= 1e4 ? 1e3 : 1;
        String suffix = unit == 1e9 ? "B" : unit == 1e6 ? "M" : unit == 1e3 ? "k" : "";
        // Two significant figures, more where two would print both ends alike ($120k–120k says nothing); the
        // low end rounded down and the high end up, so that the printed range holds the printed point as the
        // range holds the point ($408k is "likely $400k–860k", never "$410k–860k").
        for (int digits = 2; digits <= 4; digits++) {
            String low = shown(p10 / unit, unit == 1, digits, RoundingMode.FLOOR);
            String high = shown(p90 / unit, unit == 1, digits, RoundingMode.CEILING);
            if (!low.equals(high)) {
                return " (likely $" + low + suffix + "–" + high + suffix + ")";
            }
        }
        return "";
    }

    /** Significant figures, plain; whole dollars with thousands separators from $1 to $10k. */
    private static String shown(double v, boolean dollars, int digits, RoundingMode rounding) {
        if (dollars && v >= 1) {
            return Grouping.wholeNumber(Double.parseDouble(Money.figures(v, digits, rounding)));
        }
        return Money.figures(v, digits, rounding);
    }
}
