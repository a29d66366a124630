package dev.aicost.engine.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aicost.engine.core.Num;
import dev.aicost.request.InferenceInput.Scaling;
import org.junit.jupiter.api.Test;

/**
 * Break-evens below one serverless worker, where the cost rises smoothly with traffic (start-ups and idle
 * tails) and has no flat step to stop on: small teams with little or no operations cost, an API priced
 * near what a lone request costs the fleet. The exact answer comes from scanning the cost down from the
 * top and bisecting the last crossing.
 */
class BreakEvenSmoothTest {

    static Fleet fleet(double[] shape, double operationsUsd, double idleSeconds) {
        return BreakEvenTest.fleet(shape, Scaling.SERVERLESS, 0, new Fleet.Pricing(0.8, 0, null, Double.NaN,
                operationsUsd, Double.NaN, new Serverless(idleSeconds, 20, 1, 3)));
    }

    /** The highest traffic in (0, top] at which the fleet costs at least the API (the cost is continuous here). */
    static Double exact(Fleet f, double apiPerRequestUsd, double top) {
        double api = apiPerRequestUsd * Num.DAYS_PER_MONTH;
        double hi = top;
        for (double lo = top / 1.0005; lo > 1e-6; hi = lo, lo /= 1.0005) {
            if (f.monthlyCostUsd(lo) >= api * lo) {
                for (int i = 0; i < 80; i++) {
                    double mid = lo + (hi - lo) / 2;
                    if (f.monthlyCostUsd(mid) >= api * mid) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                return lo;
            }
        }
        return null;
    }

    @Test
    void theAnswerIsTheLastCrossingBelowOneWorker() {
        int checked = 0;
        for (double operations : new double[] {1, 20}) {
            for (double idle : new double[] {5, 120}) {
                for (double[] shape : new double[][] {BreakEvenTest.FLAT, BreakEvenTest.SPIKY}) {
                    Fleet f = fleet(shape, operations, idle);
                    // What fifty requests a day cost the fleet each: a price a small team meets.
                    double base = f.monthlyCostUsd(50) / (50 * Num.DAYS_PER_MONTH);
                    for (double factor : new double[] {0.9, 1.001, 1.1, 2, 5}) {
                        double price = base * factor;
                        BreakEven.Answer answer = BreakEven.search(f, price);
                        Double got = answer.requestsPerDay();
                        assertThat(got).isNotNull();
                        assertThat(got * BreakEvenTest.busiestHour(f) / Num.SECONDS_PER_DAY)
                                .as("below one worker's load").isLessThan(f.point().requestsPerSecond());
                        Double want = exact(f, price, 1e6);
                        assertThat(got).as("%s ops, %s s idle, %s× the price at 50 a day", operations, idle, factor)
                                .isCloseTo(want, within(want * 1e-5)); // the figure is reported to 4 digits
                        // Sound: cheaper at every higher traffic checked.
                        for (double m = 1.0001; m < 1e3; m *= 1.05) {
                            assertThat(f.monthlyCostUsd(got * m)).isLessThan(price * Num.DAYS_PER_MONTH * got * m);
                        }
                        // Its own cost, measured 2026-12-02: 9 to 279 fleet costs; the bound leaves room and fails
                        // a search that has lost its shortcuts.
                        assertThat(answer.evaluations()).isBetween(1, 400);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(40);
    }

    @Test
    void aSearchThatRunsOutOfEvaluationsAnswersTheUpperLinesCrossing() {
        // No operations cost and an API 5 % dearer than what fifty requests a day cost each: the cost and
        // the API's run almost together from zero, and the halving runs past its 4,096 evaluations.
        Fleet f = fleet(BreakEvenTest.FLAT, 0, 120);
        double price = f.monthlyCostUsd(50) / (50 * Num.DAYS_PER_MONTH) * 1.05;
        BreakEven.Answer answer = BreakEven.search(f, price);
        assertThat(answer.evaluations()).isGreaterThan(BreakEven.MAX_EVALUATIONS);
        BreakEven.Bracket b = BreakEven.bracket(f, price * Num.DAYS_PER_MONTH);
        assertThat(answer.requestsPerDay()).isEqualTo(b.to());
        // Still a valid answer: above it the fleet is cheaper at every traffic checked.
        for (double m = 1.0001; m < 1e3; m *= 1.05) {
            assertThat(f.monthlyCostUsd(b.to() * m)).isLessThan(price * Num.DAYS_PER_MONTH * b.to() * m);
        }
    }

    @Test
    void theWalkDownConvergesInAFewStepsWhereTheApiIsWellAboveTheMarginalCost() {
        // Five times what fifty requests a day cost each: the walk's steps shrink fast, and it stops once a
        // step is within the reported resolution, before its 16 steps run out (measured 2026-12-02: 9 to 16
        // fleet costs).
        for (double idle : new double[] {5, 120}) {
            for (double[] shape : new double[][] {BreakEvenTest.FLAT, BreakEvenTest.SPIKY}) {
                Fleet f = fleet(shape, 20, idle);
                double price = f.monthlyCostUsd(50) / (50 * Num.DAYS_PER_MONTH) * 5;
                BreakEven.Answer answer = BreakEven.search(f, price);
                assertThat(answer.evaluations()).isLessThanOrEqualTo(BreakEven.DESCENT_STEPS + 1);
                Double want = exact(f, price, 1e6);
                assertThat(answer.requestsPerDay()).isCloseTo(want, within(want * 1e-5));
            }
        }
    }
}
