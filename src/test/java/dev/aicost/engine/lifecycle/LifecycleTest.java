package dev.aicost.engine.lifecycle;

import dev.aicost.engine.core.Num;
import dev.aicost.report.LifecycleReport;
import dev.aicost.request.Bound;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;


class LifecycleTest {
    /** Serving at $1 per request-per-day per month: easy to add up by hand. */
    static final DoubleUnaryOperator LINEAR = rpd -> rpd;

    static LifecycleReport project(int horizon, Lifecycle.TrainingSpend t, DoubleUnaryOperator serving, int start,
            double[] traffic, double decline, Double budget) {
        return project(horizon, t, serving, start, traffic, decline, budget, null);
    }

    static LifecycleReport project(int horizon, Lifecycle.TrainingSpend t, DoubleUnaryOperator serving, int start,
            double[] traffic, double decline, Double budget, Double revenuePerRequest) {
        double[] byMonth = serving == null ? null : java.util.Arrays.stream(traffic).map(serving).toArray();
        return Lifecycle.project(new Lifecycle.Plan(horizon, t, serving, byMonth, start, traffic, decline, budget,
                true, revenuePerRequest));
    }

    @Test
    void eachTrainingRunIsAVersionAndTheVersionsAddUpToTheMonths() {
        // Train $1,000 in month 1 (+ $500 engineering), retrain $400 every 3 months; serve 100 requests a day
        // from month 2 at $1 per request-per-day per month; revenue $0.05 per request.
        double[] traffic = Lifecycle.traffic(100, 0.0, 9);
        LifecycleReport r = project(10, new Lifecycle.TrainingSpend(1000, 500, 3.0, 400), LINEAR, 2, traffic, 0, null,
                0.05);
        var v = r.versions();
        assertThat(v).extracting(LifecycleReport.Version::fromMonth).containsExactly(1, 4, 7, 10);
        assertThat(v).extracting(LifecycleReport.Version::toMonth).containsExactly(3, 6, 9, 10);
        assertThat(v.get(0).trainingUsd()).isEqualTo(1500);
        assertThat(v.get(0).inferenceUsd()).isEqualTo(200); // months 2 and 3
        assertThat(v.get(1).trainingUsd()).isEqualTo(400);
        assertThat(v.get(1).inferenceUsd()).isEqualTo(300);
        double perMonth = 100 * Num.DAYS_PER_MONTH;
        assertThat(v.get(0).requests()).isCloseTo(2 * perMonth, within(1.0));
        assertThat(v.get(0).costPerThousandRequestsUsd()).isCloseTo(1700 / (2 * perMonth) * 1000, within(0.01));
        assertThat(v.stream().mapToDouble(LifecycleReport.Version::trainingUsd).sum()).isCloseTo(r.trainingUsd(),
                within(0.001));
        assertThat(v.stream().mapToDouble(LifecycleReport.Version::inferenceUsd).sum()).isCloseTo(r.inferenceUsd(),
                within(0.001));
        // Revenue: 100 × 30.4 days × $0.05 = $152 a month from month 2; margin = revenue − spend.
        assertThat(v.get(1).revenueUsd()).isCloseTo(3 * Num.money(perMonth * 0.05), within(0.001));
        assertThat(v.get(1).marginUsd()).isCloseTo(v.get(1).revenueUsd() - 700, within(0.001));
        assertThat(r.revenueUsd()).isCloseTo(v.stream().mapToDouble(LifecycleReport.Version::revenueUsd).sum(),
                within(0.001));
        assertThat(r.marginUsd()).isCloseTo(r.revenueUsd() - r.totalUsd(), within(0.001));
    }

    @Test
    void thePaybackMonthIsTheFirstWithACumulativeMarginOfZeroOrMore() {
        // $1,000 of training in month 1; serving costs $100 a month and earns $304.17 (100/day × $0.1 × 30.42).
        double[] traffic = Lifecycle.traffic(100, 0.0, 12);
        LifecycleReport r = project(12, new Lifecycle.TrainingSpend(1000, 0, null, 0), rpd -> 100, 1, traffic, 0,
                null, 0.1);
        // Cumulative margin after month m: m × 204.17 − 1000 ≥ 0 first at m = 5.
        assertThat(r.paybackMonth()).isEqualTo(5);
        assertThat(r.versions()).hasSize(1);
        assertThat(project(12, new Lifecycle.TrainingSpend(1e6, 0, null, 0), rpd -> 100, 1, traffic, 0, null, 0.1)
                .paybackMonth()).isNull();
        assertThat(project(12, new Lifecycle.TrainingSpend(1000, 0, null, 0), rpd -> 100, 1, traffic, 0, null, null)
                .revenueUsd()).isNull();
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
