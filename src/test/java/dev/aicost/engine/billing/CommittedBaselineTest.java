package dev.aicost.engine.billing;

import dev.aicost.engine.core.Num;
import dev.aicost.engine.serving.DailyShape;
import dev.aicost.request.InferenceInput.Scaling;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A committed baseline and its burst, checked against a brute-force reading of the rule: raising the
 * baseline by one replica costs the commitment rate every hour and saves the burst rate in the hours
 * that need more, so the best baseline is the smallest one that at most (commit ÷ burst rate) of the
 * term's hours exceed.
 */
class CommittedBaselineTest {
    /** A day whose busiest hour is neither first nor last, so hours must be ordered to be counted. */
    static final double[] UNSORTED = DailyShape.normalised(
            new double[] {3, 1, 0.5, 0.5, 1, 2, 6, 9, 4, 3, 8, 10, 7, 5, 4, 6, 9, 12, 7, 4, 2, 1, 5, 2});

    static Fleet committed(double[] shape, Scaling scaling, int min, double commitRate, double burstRate) {
        return BreakEvenTest.fleet(shape, scaling, min, new Fleet.Pricing(commitRate, 12, null, burstRate, 0,
                Double.NaN));
    }

    /** Replicas the hour needs: ⌈traffic · replicas per request per day · weight⌉, at least the minimum. */
    static double need(Fleet f, double requestsPerDay, double weight) {
        return Math.max(f.workload().minReplicas(), Math.ceil(requestsPerDay * f.replicasPerRequestPerDay() * weight));
    }

    static double bruteForceBaseline(Fleet f, double[] traffic) {
        int hours = traffic.length * 24;
        double allowed = Math.floor(f.pricing().pricePerHourUsd() / f.pricing().burstPricePerHourUsd() * hours + 1e-9);
        for (int n = 0; ; n++) {
            int above = 0;
            for (double t : traffic) {
                for (double w : f.workload().shape()) {
                    above += need(f, t, w) > n ? 1 : 0;
                }
            }
            if (above <= allowed) {
                return n;
            }
        }
    }

    @Test
    void theBaselineIsTheSmallestThatFewEnoughHoursExceed() {
        SplittableRandom random = new SplittableRandom(5);
        int checked = 0;
        for (double[] shape : new double[][] {UNSORTED, BreakEvenTest.SPIKY, BreakEvenTest.FLAT}) {
            for (int min : new int[] {0, 1, 4}) {
                for (double ratio : new double[] {0.3, 0.55, 0.8}) {
                    Fleet f = committed(shape, Scaling.AUTOSCALE, min, 0.8 * ratio, 0.8);
                    for (int k = 0; k < 12; k++) {
                        double[] traffic = new double[1 + random.nextInt(12)];
                        double rpd = Math.exp(random.nextDouble(Math.log(1e3), Math.log(5e7)));
                        for (int m = 0; m < traffic.length; m++) {
                            traffic[m] = rpd * Math.pow(1 + random.nextDouble(0, 0.2), m);
                        }
                        assertThat(CommittedBaseline.choose(f, traffic, 0, traffic.length))
                                .as("shape %d, min %d, ratio %s, %s", shape.length, min, ratio, traffic[0])
                                .isEqualTo(bruteForceBaseline(f, traffic));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(324);
    }

    @Test
    void aMonthBillsTheBaselineEveryHourAndBurstsAboveIt() {
        Fleet f = committed(UNSORTED, Scaling.AUTOSCALE, 1, 0.5, 0.8);
        double rpd = 4e6;
        double baseline = 3;
        double burstReplicaHours = 0;
        for (double w : f.workload().shape()) {
            burstReplicaHours += Math.max(0, need(f, rpd, w) - baseline);
        }
        double replicaMonth = f.replica().tp * Num.HOURS_PER_MONTH; // accelerator-hours of one replica
        CommittedBaseline.Capacity c = CommittedBaseline.month(f, rpd, baseline);
        assertThat(c.committedReplicas()).isEqualTo(3);
        assertThat(c.committedUsd()).isCloseTo(3 * replicaMonth * 0.5, within(1e-9));
        assertThat(c.burstAcceleratorHours()).isCloseTo(burstReplicaHours / 24 * replicaMonth, within(1e-9));
        assertThat(c.burstUsd()).isCloseTo(burstReplicaHours / 24 * replicaMonth * 0.8, within(1e-9));
        assertThat(burstReplicaHours).as("the day needs more than the baseline in some hours").isPositive();
    }

    @Test
    void anAlwaysOnFleetCommitsItsPeakAndNeverBursts() {
        Fleet f = committed(UNSORTED, Scaling.ALWAYS_ON, 1, 0.5, 0.5);
        double[] traffic = {2e6, 3e6, 2.5e6};
        int peak = Math.max(f.peakReplicas(3e6), 1);
        assertThat(CommittedBaseline.choose(f, traffic, 0, 3)).isEqualTo(peak);
        assertThat(CommittedBaseline.choose(f, traffic, 0, 1)).isEqualTo(f.peakReplicas(2e6));
        CommittedBaseline.Capacity c = CommittedBaseline.month(f, 2e6, peak);
        assertThat(c.burstAcceleratorHours()).isZero();
        assertThat(c.committedUsd()).isCloseTo(peak * f.replica().tp * Num.HOURS_PER_MONTH * 0.5, within(1e-9));
        // Above the baseline, an always-on fleet bursts its whole excess every hour.
        CommittedBaseline.Capacity over = CommittedBaseline.month(f, 3e6, f.peakReplicas(3e6) - 1);
        assertThat(over.burstAcceleratorHours()).isCloseTo(f.replica().tp * Num.HOURS_PER_MONTH, within(1e-9));
    }

    @Test
    void aBurstRateNoDearerThanTheCommitmentCommitsNothing() {
        Fleet f = committed(UNSORTED, Scaling.AUTOSCALE, 0, 0.8, 0.8);
        assertThat(CommittedBaseline.choose(f, new double[] {5e6}, 0, 1)).isZero();
    }
}
