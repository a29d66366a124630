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
        // Past 2^63 cents Math.round saturates: a huge (absurd but valid) bill keeps its size.
        assertThat(Num.money(9.3e16)).isEqualTo(9.3e16);
        assertThat(Num.money(1.5e20) + Num.money(1.5e20)).isEqualTo(3e20);
    }

    @Test
    void roundingNoiseBelowZeroIsZeroButRealNegativeMoneyIsABug() {
        assertThat(Num.money(-0.004)).isZero();
        assertThatThrownBy(() -> Num.money(-0.01)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("negative money");
        assertThatThrownBy(() -> Num.money(Double.NaN)).hasMessageContaining("non-finite");
        assertThatThrownBy(() -> Num.sig(Double.POSITIVE_INFINITY, 3)).hasMessageContaining("non-finite");
    }

    @Test
    void significantDigitsRoundHalfToEven() {
        assertThat(Num.sig(1234.5, 4)).isEqualTo(1234.0);
        assertThat(Num.sig(1235.5, 4)).isEqualTo(1236.0);
        assertThat(Num.sig(-1235.5, 4)).isEqualTo(-1236.0);
        assertThat(Num.sig(0.125, 2)).isEqualTo(0.12);
        assertThat(Num.sig(999.96, 4)).isEqualTo(1000.0); // rounding up into the next power of ten
    }

    @Test
    void moneyRoundsToTheCentHalfUp() {
        assertThat(Num.money(1234.565)).isEqualTo(Math.round(1234.565 * 100.0) / 100.0);
        assertThat(Num.money(100.005)).isEqualTo(100.01);
        assertThat(Num.money(100.004)).isEqualTo(100.0);
        assertThat(Num.money(99.99449)).isEqualTo(99.99); // under $100: four significant digits
        assertThat(Num.money(0.000123456)).isEqualTo(0.0001235);
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
