package dev.aicost.engine.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumTest {

    @Test
    void moneyIsRoundedToCentsFrom100AndTo4SignificantDigitsBelow() {
        assertThat(Num.money(1234.5678)).isEqualTo(1234.57);
        assertThat(Num.money(100.004)).isEqualTo(100.0);
        assertThat(Num.money(12.34567)).isEqualTo(12.35);
        assertThat(Num.money(0.000123456)).isEqualTo(0.0001235);
    }

    @Test
    void roundingNoiseBelowZeroIsZeroButRealNegativeMoneyIsABug() {
        assertThat(Num.money(-0.004)).isZero();
        assertThatThrownBy(() -> Num.money(-0.01)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("negative money");
        assertThatThrownBy(() -> Num.money(Double.NaN)).hasMessageContaining("non-finite");
        assertThatThrownBy(() -> Num.sig(Double.POSITIVE_INFINITY, 3)).hasMessageContaining("non-finite");
    }

    /** Num.sig as first written, with Math.floor and Math.rint: the fast path must give the same doubles. */
    private static double reference(double v, int digits) {
        int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
        int shift = digits - 1 - exponent;
        double scale = Math.pow(10, Math.abs(shift));
        return shift >= 0 ? Math.rint(v * scale) / scale : Math.rint(v / scale) * scale;
    }

    @Test
    void significantDigitsAreWhatFloorAndRintGive() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            double v = (random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextDouble(-12, 20));
            int digits = 1 + random.nextInt(6);
            assertThat(Num.sig(v, digits)).as("%s to %d digits", v, digits).isEqualTo(reference(v, digits));
        }
        // Exact halves round to even, as Math.rint does.
        assertThat(Num.sig(1234.5, 4)).isEqualTo(1234.0);
        assertThat(Num.sig(1235.5, 4)).isEqualTo(1236.0);
        assertThat(Num.sig(-1235.5, 4)).isEqualTo(-1236.0);
        assertThat(Num.sig(0.125, 2)).isEqualTo(0.12);
    }

    @Test
    void roundingToCentsIsWhatMathRoundGives() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            double x = Math.pow(10, random.nextDouble(0, 18));
            double half = Math.floor(x) + 0.5; // exact halves and their neighbours
            for (double v : new double[] {x, half, Math.nextDown(half), Math.nextUp(half), Math.floor(x)}) {
                assertThat(Num.roundHalfUp(v)).as("%s", v).isEqualTo((double) Math.round(v));
            }
        }
        assertThat(Num.roundHalfUp(0.49999999999999994)).isZero();
        assertThat(Num.roundHalfUp(0x1p52 + 1)).isEqualTo(0x1p52 + 1);
        assertThat(Num.money(1234.565)).isEqualTo(Math.round(1234.565 * 100.0) / 100.0);
    }

    @Test
    void significantDigitsOverTheWholeRange() {
        assertThat(Num.sig(123456.0, 2)).isEqualTo(120000.0);
        assertThat(Num.sig(0.00123456, 3)).isEqualTo(0.00123);
        assertThat(Num.sig(-98765.0, 3)).isEqualTo(-98800.0);
        assertThat(Num.sig(0)).isZero();
        assertThat(Num.sig(1.23456e-300, 3)).isEqualTo(1.23e-300); // beyond the power table: exact fallback
        assertThat(Num.sig(9.87654e250, 2)).isEqualTo(9.9e250);
    }

    @Test
    void showIsCompactForPeople() {
        assertThat(Num.show(42.0)).isEqualTo("42");
        assertThat(Num.show(0.41234)).isEqualTo("0.4123");
        assertThat(Num.show(1.2e12)).isEqualTo("1.2e12");
        assertThat(Num.show(2.1549e10)).isEqualTo("2.15e10");
        assertThat(Num.show(0.000123)).isEqualTo("1.23e-4");
        assertThat(Num.show(9_996_420.5)).isEqualTo("1e7"); // the mantissa rounds up to 10
        assertThat(Num.show(1e-310)).isEqualTo("1.00e-310");
        assertThat(String.valueOf(Num.shown(3.0e9))).isEqualTo("3e9");
    }

    @Test
    void calendarConstantsAgree() {
        assertThat(Num.DAYS_PER_MONTH * 24).isEqualTo(Num.HOURS_PER_MONTH, org.assertj.core.api.Assertions.within(1e-9));
    }
}
