package dev.aicost.engine.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aicost.engine.core.Num;
import dev.aicost.request.InferenceInput.Scaling;
import java.util.Arrays;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The break-even of staircase fleets against an exact answer: the fleet's cost only changes where some
 * hour needs one more replica, so between those traffics it is flat, and the last traffic at which the
 * fleet still costs at least the API is found step by step.
 */
class BreakEvenExactTest {
    static final Fleet.Pricing PAYG = new Fleet.Pricing(0.8, 0, null, Double.NaN, 787.5, Double.NaN);

    /** Every traffic up to {@code top} at which some hour's replica count steps up. */
    static double[] steps(Fleet f, double top) {
        double k = f.replicasPerRequestPerDay();
        TreeSet<Double> at = new TreeSet<>();
        double[] weights = f.workload().scaling() == Scaling.ALWAYS_ON ? new double[] {1} : f.workload().shape();
        for (double w : weights) {
            if (w <= 0) {
                continue;
            }
            for (long n = 1; n / (k * w) <= top; n++) {
                at.add(n / (k * w));
            }
        }
        at.add(top);
        return at.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The highest traffic at which the fleet costs at least the API (flat between steps), or null. */
    static Double exact(Fleet f, double apiPerRequestUsd, double top) {
        double api = apiPerRequestUsd * Num.DAYS_PER_MONTH;
        double[] s = steps(f, top);
        double best = Double.NaN;
        double from = 0;
        for (double to : s) {
            double cost = f.monthlyCostUsd(from + (to - from) / 2); // flat on (from, to]
            double x = Math.min(to, cost / api);
            if (x > from) {
                best = x;
            }
            from = to;
        }
        return Double.isNaN(best) ? null : best;
    }

    @Test
    void theAnswerIsTheLastTrafficWhereTheFleetStillCostsAtLeastTheApi() {
        int checked = 0;
        for (Fleet f : new Fleet[] {BreakEvenTest.fleet(BreakEvenTest.FLAT, Scaling.ALWAYS_ON, 1, PAYG),
            BreakEvenTest.fleet(BreakEvenTest.SPIKY, Scaling.AUTOSCALE, 1, PAYG),
            BreakEvenTest.fleet(BreakEvenTest.SPIKY, Scaling.AUTOSCALE, 0, PAYG),
            BreakEvenTest.fleet(BreakEvenTest.FLAT, Scaling.ALWAYS_ON, 3, PAYG)}) {
            double marginal = CostBounds.highSlopeUsd(f) / Num.DAYS_PER_MONTH;
            for (double factor : new double[] {1.05, 1.3, 2, 3, 10, 30}) {
                double price = marginal * factor;
                Double got = BreakEven.requestsPerDay(f, price);
                double top = 3 * (f.pricing().operationsMonthlyUsd() + CostBounds.stepsUsd(f))
                        / (price * Num.DAYS_PER_MONTH - CostBounds.highSlopeUsd(f));
                Double want = exact(f, price, top);
                assertThat(got).as("%s min %d at %s× the marginal cost", f.workload().scaling(),
                        f.workload().minReplicas(), factor).isNotNull();
                assertThat(got).isCloseTo(want, within(want * 1e-6));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(24);
    }

    @Test
    void manyDaysFloorsAndPricesAgreeWithTheExactAnswer() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        int checked = 0;
        for (int k = 0; k < 40; k++) {
            double[] day = new double[24];
            for (int h = 0; h < 24; h++) {
                day[h] = random.nextInt(4) == 0 ? 0 : random.nextDouble(0.1, 5);
            }
            day[random.nextInt(24)] += 1; // never an empty day
            double[] shape = dev.aicost.engine.serving.DailyShape.normalised(day);
            Scaling scaling = random.nextBoolean() ? Scaling.AUTOSCALE : Scaling.ALWAYS_ON;
            Fleet.Pricing pricing = new Fleet.Pricing(random.nextDouble(0.3, 4), 0, null, Double.NaN,
                    random.nextDouble(0, 5000), Double.NaN);
            Fleet f = BreakEvenTest.fleet(shape, scaling, random.nextInt(4), pricing);
            double marginal = CostBounds.highSlopeUsd(f) / Num.DAYS_PER_MONTH;
            double price = marginal * Math.exp(random.nextDouble(Math.log(1.02), Math.log(60)));
            double top = 3 * (f.pricing().operationsMonthlyUsd() + CostBounds.stepsUsd(f))
                    / (price * Num.DAYS_PER_MONTH - CostBounds.highSlopeUsd(f));
            Double want = exact(f, price, top);
            BreakEven.Answer answer = BreakEven.search(f, price);
            Double got = answer.requestsPerDay();
            assertThat(answer.evaluations()).as("case %d: fleet costs evaluated", k).isBetween(0, 24);
            if (want == null) {
                assertThat(got).as("case %d", k).isNull();
            } else {
                assertThat(got).as("case %d", k).isNotNull();
                assertThat(got).as("case %d", k).isCloseTo(want, within(want * 1e-6));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(40);
    }

    /**
     * The search's own cost, measured 2026-12-02: a staircase takes a handful of fleet costs; a committed
     * fleet priced a hair (0.1 %) above its marginal cost ~1,700; a serverless one, since workers are billed
     * whole (a staircase beyond one worker), 100–140 at 2 % above
     * its marginal cost and 1,700–2,450 at 0.1 %. The bounds leave room, and fail a search that has lost its shortcuts.
     */
    @Test
    void theSearchEvaluatesFewFleetCosts() {
        int checked = 0;
        for (Fleet f : BreakEvenTest.fleets()) {
            double marginal = CostBounds.highSlopeUsd(f) / Num.DAYS_PER_MONTH;
            for (double price : BreakEvenTest.apiPrices(f)) {
                boolean nearMarginal = price < marginal * 1.01;
                int bound = nearMarginal && (f.pricing().committed() || f.pricing().serverless() != null) ? 3000
                        : f.pricing().serverless() != null ? 200 : 150;
                assertThat(BreakEven.search(f, price).evaluations())
                        .as("%s at %s× the marginal cost", f.workload().scaling(), price / marginal)
                        .isBetween(1, bound);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(30);
    }

    @Test
    void anApiAgainstAnotherApiBreaksEvenWhereTheFixedCostIsPaidOff() {
        // A "fleet" bought as tokens at $0.001 a request with $300 a month of people, against an API at $0.003:
        // both straight lines, so the break-even is where $0.002 a request pays the $300.
        Fleet api = BreakEvenTest.fleet(BreakEvenTest.FLAT, Scaling.ALWAYS_ON, 1,
                new Fleet.Pricing(0, 0, null, Double.NaN, 300, 0.001));
        assertThat(BreakEven.requestsPerDay(api, 0.003)).isCloseTo(300 / (0.002 * Num.DAYS_PER_MONTH), within(1e-6));
        assertThat(BreakEven.requestsPerDay(api, 0.001)).isNull();
    }

    @Test
    void anApiAHairAboveTheLowestMarginalCostBreaksEvenBeyondTheLargestTraffic() {
        Fleet f = BreakEvenTest.fleet(BreakEvenTest.FLAT, Scaling.ALWAYS_ON, 1, PAYG);
        double low = CostBounds.lowSlopeUsd(f) / Num.DAYS_PER_MONTH;
        assertThat(BreakEven.requestsPerDay(f, low * (1 + 1e-12))).isNull();
    }

    @Test
    void anApiAtOrBelowTheFleetsLowestMarginalCostNeverBreaksEven() {
        Fleet f = BreakEvenTest.fleet(BreakEvenTest.SPIKY, Scaling.AUTOSCALE, 1, PAYG);
        double low = CostBounds.lowSlopeUsd(f) / Num.DAYS_PER_MONTH;
        assertThat(BreakEven.requestsPerDay(f, low)).isNull();
        assertThat(BreakEven.requestsPerDay(f, low * 0.5)).isNull();
    }

    @Test
    void theSlopesAreTheFleetsCostPerRequestPerDayAtItsRates() {
        Fleet f = BreakEvenTest.fleet(BreakEvenTest.FLAT, Scaling.ALWAYS_ON, 1,
                new Fleet.Pricing(0.5, 12, null, 0.8, 100, Double.NaN));
        double perReplicaMonth = f.replica().tp * Num.HOURS_PER_MONTH;
        assertThat(CostBounds.lowSlopeUsd(f)).isCloseTo(f.replicasPerRequestPerDay() * perReplicaMonth * 0.5,
                within(1e-15));
        assertThat(CostBounds.highSlopeUsd(f)).isCloseTo(f.replicasPerRequestPerDay() * perReplicaMonth * 0.8,
                within(1e-15));
        assertThat(CostBounds.stepsUsd(f)).isCloseTo(perReplicaMonth * 0.8, within(1e-9));
        Fleet api = BreakEvenTest.fleet(BreakEvenTest.FLAT, Scaling.ALWAYS_ON, 1,
                new Fleet.Pricing(0, 0, null, Double.NaN, 0, 0.002));
        assertThat(CostBounds.lowSlopeUsd(api)).isCloseTo(0.002 * Num.DAYS_PER_MONTH, within(1e-12));
        assertThat(CostBounds.stepsUsd(api)).isZero();
        // With a 20 % cache and 25 % routed on, the fleet serves 0.8 × 0.75 of the requests itself and the
        // routed fleet 0.8 × 0.25 of them, each at its own slope.
        Fleet routed = f.routingTo(0.25, 0.2, 100, api);
        assertThat(CostBounds.highSlopeUsd(routed)).isCloseTo(0.6 * CostBounds.highSlopeUsd(f)
                + 0.2 * CostBounds.highSlopeUsd(api), within(1e-12));
        assertThat(CostBounds.lowSlopeUsd(routed)).isCloseTo(0.6 * CostBounds.lowSlopeUsd(f)
                + 0.2 * CostBounds.lowSlopeUsd(api), within(1e-12));
        // Each bound holds the cost between its lines at every traffic.
        for (double rpd = 10; rpd < 1e9; rpd *= 1.7) {
            double cost = routed.monthlyCostUsd(rpd) - routed.pricing().operationsMonthlyUsd();
            assertThat(cost).isGreaterThanOrEqualTo(CostBounds.lowSlopeUsd(routed) * rpd * (1 - 1e-12));
            assertThat(cost).isLessThanOrEqualTo(CostBounds.highSlopeUsd(routed) * rpd + CostBounds.stepsUsd(routed)
                    + 1e-9);
        }
    }

    @Test
    void theStepsAreFoundWhereTheCostRises() {
        Fleet f = BreakEvenTest.fleet(BreakEvenTest.FLAT, Scaling.ALWAYS_ON, 1, PAYG);
        double[] s = steps(f, 5 / f.replicasPerRequestPerDay());
        assertThat(s).hasSize(5);
        assertThat(f.monthlyCostUsd(s[1] * 0.999)).isLessThan(f.monthlyCostUsd(s[1] * 1.001));
        assertThat(Arrays.stream(s).allMatch(x -> x > 0)).isTrue();
    }

    @Test
    void aBreakEvenOnAStepCountsTheReplicaThatStepAdds() {
        // No operations cost, one replica kept up, and an API (1 + 1/4) × the fleet's marginal cost: the upper
        // line crosses the API's at the fourth step, r = 4 / k (k replicas per request a day). Just above it a
        // fifth replica runs, and five replicas' cost is exactly the API's bill at r: the fleet still costs
        // at least the API there, so the break-even is that step (a search that priced the step before its
        // replica would answer 4/5 of it).
        Fleet f = BreakEvenTest.fleet(BreakEvenTest.FLAT, Scaling.ALWAYS_ON, 1,
                new Fleet.Pricing(0.8, 0, null, Double.NaN, 0, Double.NaN));
        double k = f.replicasPerRequestPerDay();
        double price = CostBounds.highSlopeUsd(f) * (1 + 1.0 / 4) / Num.DAYS_PER_MONTH;
        assertThat(f.monthlyCostUsd(4 / k * (1 + 1e-9))).isCloseTo(5 * 730 * 0.8, within(1e-9));
        assertThat(BreakEven.requestsPerDay(f, price)).isCloseTo(4 / k, within(4 / k * 1e-9));
    }
}
