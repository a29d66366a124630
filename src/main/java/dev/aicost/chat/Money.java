package dev.aicost.chat;

import dev.aicost.report.Grouping;
import java.math.BigDecimal;
import java.math.MathContext;


/** Dollar and number formatting for chat messages: short, three significant figures. */
final class Money {
    private Money() {
    }

    static String usd(double v) {
        if (v >= 1e9) {
            return "$" + sig(v / 1e9) + "B";
        }
        if (v >= 1e6) {
            return "$" + sig(v / 1e6) + "M";
        }
        if (v >= 1e4) {
            return "$" + sig(v / 1e3) + "k";
        }
        if (v >= 1) {
            return "$" + Grouping.wholeNumber(v);
        }
        return "$" + sig(v);
    }

    static String sig(double v) {
        if (v == 0) {
            return "0";
        }
        String s = new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        return s;
    }

    static String pct(double share) {
        return Math.round(share * 100) + " %";
    }
}
