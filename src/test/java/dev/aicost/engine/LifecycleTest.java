package dev.aicost.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aicost.report.LifecycleReport;
import dev.aicost.request.Bound;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    /** Serving at $1 per request-per-day per month: easy to add up by hand. */
    static final DoubleUnaryOperator LINEAR = rpd -> rpd;

    static LifecycleReport project(int horizon, Lifecycle.TrainingSpend t, DoubleUnaryOperator serving, int start,
            double[] traffic, double decline, Double budget) {
        double[] byMonth = serving == null ? null : java.util.Arrays.stream(traffic).map(serving).toArray();
        return Lifecycle.project(new Lifecycle.Plan(horizon, t, serving, byMonth, start, traffic, decline, budget,
                true));
    }

    @Test
    void trafficCompoundsAndIsCappedAtTheLargestAcceptedValue() {
        double[] t = Lifecycle.traffic(1000, 0.1, 3);
        assertThat(t).containsExactly(1000, 1100, 1210.0000000000002);
        double[] capped = Lifecycle.traffic(Bound.REQUESTS_PER_DAY.max() / 2, 1.0, 4);
        assertThat(capped[3]).isEqualTo(Bound.REQUESTS_PER_DAY.max());
        assertThat(Lifecycle.traffic(5, 0, 0)).hasSize(1);
    }

    @Test
    void retrainingRunsOnItsCadenceIncludingFractionalOnes() {
        assertThat(java.util.stream.IntStream.rangeClosed(1, 8).filter(m -> Lifecycle.retrainsIn(m, 1.5)))
                .containsExactly(2, 4, 5, 7, 8); // 1 + floor(j · 1.5)
        assertThat(java.util.stream.IntStream.rangeClosed(1, 8).filter(m -> Lifecycle.retrainsIn(m, 3.0)))
                .containsExactly(4, 7);
        assertThat(Lifecycle.retrainsIn(2, null)).isFalse();
    }

    @Test
    void monthsAddUpAndBreakEvenIsTheFirstMonthInferenceCatchesUp() {
        var training = new Lifecycle.TrainingSpend(900, 100, 3.0, 500);
        double[] traffic = {400, 400, 400, 400, 400, 400};
        LifecycleReport r = project(6, training, LINEAR, 1, traffic, 0, 700.0);
        // training: 1000 in month 1, 500 in month 4; inference 400 a month
        assertThat(r.trainingUsd()).isEqualTo(1500);
        assertThat(r.inferenceUsd()).isEqualTo(2400);
        assertThat(r.totalUsd()).isEqualTo(3900);
        assertThat(r.inferenceShare()).isEqualTo(0.6154);
        assertThat(r.months().stream().mapToDouble(LifecycleReport.Month::totalUsd).sum()).isEqualTo(3900);
        assertThat(r.breakEvenMonth()).isEqualTo(3); // cumulative 1200 ≥ 1000 in month 3; month 4 adds 500 to both
        assertThat(r.budgetExceededMonth()).isEqualTo(1); // 1400 > 700
        assertThat(r.scale().x10MonthlyUsd()).isEqualTo(4000);
    }

    @Test
    void servingStartsInItsMonthAndPricesDeclineYearly() {
        double[] traffic = new double[10];
        java.util.Arrays.fill(traffic, 1000);
        LifecycleReport r = project(12, null, LINEAR, 3, traffic, 0.2, null);
        assertThat(r.months().get(1).inferenceUsd()).isZero();
        assertThat(r.months().get(2).inferenceUsd()).isEqualTo(1000 * Math.pow(0.8, 2 / 12.0), within(0.01));
        assertThat(r.months().get(11).inferenceUsd()).isEqualTo(1000 * Math.pow(0.8, 11 / 12.0), within(0.01));
        assertThat(r.breakEvenMonth()).isNull(); // no training to break even with
        assertThat(r.inferenceShare()).isEqualTo(1.0);
    }
}
