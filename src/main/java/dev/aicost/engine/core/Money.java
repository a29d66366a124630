package dev.aicost.engine.core;

import dev.aicost.report.Grouping;
import java.math.BigDecimal;

/** Dollars and shares as the report's texts write them: $1.23M, $45.6k, $1,234, $0.0019; 42 %. */
public final class Money {
    private Money() {
    }

    /** Dollars without the sign: three significant figures with B/M/k, whole dollars, or two figures under $1. */
    public static String usd(double v) {
        if (v >= 1e9) {
            return Num.show(Num.sig(v / 1e9, 3)) + "B";
        }
        if (v >= 1e6) {
            return Num.show(Num.sig(v / 1e6, 3)) + "M";
        }
        if (v >= 1e4) {
            return Num.show(Num.sig(v / 1e3, 3)) + "k";
        }
        if (v >= 1) {
            return Grouping.wholeNumber(v);
        }
        // Small amounts in plain decimals for people: $0.00019, not $1.9e-4.
        return v == 0 ? "0" : BigDecimal.valueOf(Num.sig(v, 2)).stripTrailingZeros().toPlainString();
    }

    public static String pct(double share) {
        return Math.round(share * 100) + " %";
    }
}
