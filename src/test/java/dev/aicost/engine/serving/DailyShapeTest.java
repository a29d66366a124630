package dev.aicost.engine.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The smooth day: mean 1, the asked peak at 15:00, the trough at 03:00, symmetric, flat at or below 1. */
class DailyShapeTest {
    final DailyShape days = new DailyShape();

    @Test
    void theSmoothDayHasTheAskedPeakAndMeanOne() {
        for (double peak : new double[] {1.01, 1.5, 2.0, 3.0, 6.0, 12.0}) {
            double[] w = days.smooth(peak);
            assertThat(w).hasSize(24);
            assertThat(Arrays.stream(w).average().orElseThrow()).as("mean at %s", peak).isCloseTo(1.0, within(1e-12));
            assertThat(DailyShape.max(w)).as("peak at %s", peak).isCloseTo(peak, within(1e-9 * peak));
            assertThat(w[15]).as("busiest hour").isEqualTo(DailyShape.max(w));
            for (int h = 0; h < 24; h++) {
                assertThat(w[h]).as("trough at 03:00").isGreaterThanOrEqualTo(w[3]);
                assertThat(w[(15 + h) % 24]).as("symmetric about 15:00").isCloseTo(w[(15 - h + 24) % 24], within(1e-12));
            }
            for (int h = 15; h < 27; h++) { // falls from 15:00 to 03:00
                assertThat(w[(h + 1) % 24]).isLessThan(w[h % 24]);
            }
        }
    }

    @Test
    void aPeakOfOneOrLessIsAFlatDay() {
        for (double peak : new double[] {1.0, 0.8, 0.0}) {
            assertThat(days.smooth(peak)).containsOnly(1.0).hasSize(24);
        }
    }

    @Test
    void eachRatioIsSolvedOnceAndTheCacheStaysBounded() {
        double[] first = days.smooth(2.5);
        assertThat(days.smooth(2.5)).isSameAs(first);
        for (int i = 0; i < 200; i++) {
            double peak = 1.1 + i * 0.01;
            assertThat(DailyShape.max(days.smooth(peak))).isCloseTo(peak, within(1e-9 * peak));
        }
        assertThat(days.smooth(2.5)).containsExactly(first);
    }

    @Test
    void weightsAreScaledToMeanOneAndTheMaxIsTheLargest() {
        double[] w = DailyShape.normalised(new double[] {1, 3, 0, 4});
        assertThat(w).containsExactly(0.5, 1.5, 0.0, 2.0);
        assertThat(DailyShape.max(new double[] {0.5, 2.5, 1.0})).isEqualTo(2.5);
        assertThat(DailyShape.max(new double[] {0.0, 0.0})).isZero();
    }
}
