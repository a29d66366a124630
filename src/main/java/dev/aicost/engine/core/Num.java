package dev.aicost.engine.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Rounding for reports: money to cents (small amounts to 4 significant digits), the rest to 4 significant digits. */
public final class Num {
    public static final double HOURS_PER_MONTH = 730.0;
    public static final double DAYS_PER_MONTH = 365.0 / 12.0;
    public static final double SECONDS_PER_DAY = 86_400.0;

    private Num() {
    }

    public static double money(double usd) {
        check(usd, "money");
        if (usd < -0.005) {
            throw new IllegalStateException("negative money: " + usd);
        }
        if (usd < 0) {
            return 0; // rounding noise of a difference that is zero
        }
        if (usd >= 1e13) {
            return usd; // cents are below a double's resolution here (and Math.round would saturate at 2^63)
        }
        if (usd >= 100) {
            return Math.round(usd * 100.0) / 100.0;
        }
        return sig(usd, 4);
    }

    /** A sum of money that may be negative (a margin), rounded as {@link #money} rounds its size. */
    public static double signedMoney(double usd) {
        check(usd, "money");
        return usd < 0 ? -money(-usd) : money(usd);
    }

    /** Rounds to significant digits (half to even); BigDecimal only where 10^shift would leave a double's range. */
    public static double sig(double v, int digits) {
        check(v, "value");
        if (v == 0) {
            return 0;
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
        int shift = digits - 1 - exponent;
        if (Math.abs(shift) < 40) {
            double scale = Math.pow(10, Math.abs(shift));
            return shift >= 0 ? Math.rint(v * scale) / scale : Math.rint(v / scale) * scale;
        }
        return new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).doubleValue();
    }

    public static double sig(double v) {
        return sig(v, 4);
    }

    public static void check(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("non-finite " + what + ": " + v);
        }
    }

    /** A number shown as {@link #show} when (and only when) an assumption is recorded. */
    public static Object shown(double v) {
        return new Shown(v);
    }

    private record Shown(double value) {
        @Override
        public String toString() {
            return show(value);
        }
    }

    /** Compact human form for assumption values: 1.2e+12 → "1.2e12", 0.41234 → "0.4123". */
    public static String show(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        if (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3) {
            // Three significant digits in scientific form, e.g. 2.15e10 (no String.format: it is slow).
            int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
            if (Math.abs(exponent) > 300) { // 10^exponent would under- or overflow a double
                return new BigDecimal(v).round(new MathContext(3)).toString().replace("E+", "e").replace("E", "e");
            }
            double mantissa = sig(v / Math.pow(10, exponent), 3);
            if (Math.abs(mantissa) >= 10) {
                mantissa /= 10;
                exponent++;
            }
            String m = BigDecimal.valueOf(mantissa).stripTrailingZeros().toPlainString();
            return m + "e" + exponent;
        }
        return BigDecimal.valueOf(sig(v, 4)).stripTrailingZeros().toPlainString();
    }
}
