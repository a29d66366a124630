package dev.aicost.report;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GroupingTest {

    private static void same(double v) {
        assertEquals(String.format(Locale.ROOT, "%,.0f", v), Grouping.wholeNumber(v), () -> "for " + v);
    }

    @Test
    void writesWhatTheFormatterWrites() {
        for (double v : new double[] {0, 0.4, 0.49999999999999994, 0.5, 1, 1.5, 2.5, 999.4999, 999.5, 1000, 9999.5,
                12_345.678, 99_999.5, 1e6, 123_456_789.5, 1e15 - 1, 1e15 - 0.5, 1e15, 3e20, -2.5, -1234.5}) {
            same(v);
            same(Math.nextUp(v));
            same(Math.nextDown(v));
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            same(Math.pow(10, random.nextDouble(-2, 15.5)));
            same(random.nextInt(1_000_000) + 0.5); // exact halves round up
        }
    }

    @Test
    void groupsByThree() {
        assertEquals("1", Grouping.wholeNumber(1));
        assertEquals("999", Grouping.wholeNumber(999));
        assertEquals("1,000", Grouping.wholeNumber(999.5));
        assertEquals("12,345,679", Grouping.wholeNumber(12_345_678.5));
    }
}
