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
        if (usd >= 100) {
            return roundHalfUp(usd * 100.0) / 100.0;
        }
        return sig(usd, 4);
    }

    /**
     * {@link Math#round(double)} for x ≥ 0, as a double: C1 calls Math.round as Java code, and every
     * month of every run rounds five sums to the cent. Below 2^52 the fraction x − ⌊x⌋ is exact.
     */
    public static double roundHalfUp(double x) {
        if (x >= 0 && x < 0x1p52) {
            long whole = (long) x;
            return x - whole >= 0.5 ? whole + 1 : whole;
        }
        return Math.round(x);
    }

    /** A sum of money that may be negative (a margin), rounded as {@link #money} rounds its size. */
    public static double signedMoney(double usd) {
        check(usd, "money");
        return usd < 0 ? -money(-usd) : money(usd);
    }

    private static final double[] POW10 = new double[40];

    static {
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = Math.pow(10, i);
        }
    }

    /** Rounds to significant digits in double arithmetic (no BigDecimal: this runs on every number). */
    public static double sig(double v, int digits) {
        check(v, "value");
        if (v == 0) {
            return 0;
        }
        double log = Math.log10(Math.abs(v));
        int exponent = (int) log; // floor, without StrictMath.floor (C1 calls it as Java code)
        if (log < exponent) {
            exponent--;
        }
        int shift = digits - 1 - exponent;
        if (shift >= 0 && shift < POW10.length) {
            return rint(v * POW10[shift]) / POW10[shift];
        }
        if (shift < 0 && -shift < POW10.length) {
            return rint(v / POW10[-shift]) * POW10[-shift];
        }
        return new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).doubleValue();
    }

    public static double sig(double v) {
        return sig(v, 4);
    }

    /**
     * {@link Math#rint} (half to even) for the values {@link #sig} rounds, whose size is at least
     * 10^(digits − 1) ≥ 1, so no signed zero arises; beyond 2^52 every double is whole already.
     */
    private static double rint(double x) {
        if (!(Math.abs(x) < 0x1p52)) {
            return Math.rint(x);
        }
        long whole = (long) x; // toward zero
        double rest = x - whole; // exact below 2^52
        if (rest > 0.5 || rest == 0.5 && (whole & 1) != 0) {
            whole++;
        } else if (rest < -0.5 || rest == -0.5 && (whole & 1) != 0) {
            whole--;
        }
        return whole == 0 ? Math.rint(x) : whole;
    }

    /**
     * {@link Math#ceil}, the same value for every double: Lambda's JVM runs C1 only, which does not
     * compile Math.ceil to an instruction but calls StrictMath's bit-twiddling version, and the
     * fleet-sizing loops round up a replica count for every hour of every month they price.
     */
    public static double ceil(double x) {
        if (x >= 0 && x < 1e15) { // below 2^53: whole numbers are exact, (long) truncates
            long whole = (long) x;
            return x > whole ? whole + 1 : x;
        }
        return Math.ceil(x);
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
