package dev.aicost.engine.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aicost.catalog.Precision;
import dev.aicost.engine.core.Num;
import dev.aicost.engine.serving.ServingModel;
import dev.aicost.request.InferenceInput.Scaling;
import org.junit.jupiter.api.Test;

/**
 * The lines the break-even search works from, by hand on fleets whose replicas span two
 * accelerators and whose instances hold eight: each term of the arithmetic shows.
 */
class CostBoundsTest {
    /** A two-accelerator replica (Llama 3.1 70B in FP8 on two H100s) at batch 16. */
    static Fleet twoWide(double[] shape, Scaling scaling, int minReplicas, Fleet.Pricing pricing) {
        ServingModel replica = new ServingModel(BreakEvenTest.CATALOG.model("llama-3.1-70b").orElseThrow(),
                BreakEvenTest.CATALOG.accelerator("h100-sxm").orElseThrow(), Precision.FP8, 2, 1500, 300, 0);
        ServingModel.Point point = replica.at(16);
        Fleet.Workload w = new Fleet.Workload(dev.aicost.engine.serving.DailyShape.max(shape), shape, scaling,
                minReplicas, 0, 0);
        return new Fleet(replica, point, w, pricing, null);
    }

    @Test
    void theSlopesCountEveryAcceleratorOfAReplica() {
        // Committed at $4.06, bursting at $6.88 an accelerator-hour.
        Fleet f = twoWide(BreakEvenTest.SPIKY, Scaling.AUTOSCALE, 1,
                new Fleet.Pricing(4.06, 12, null, 6.88, 100, Double.NaN).inInstancesOf(8));
        double perRpd = f.replicasPerRequestPerDay();
        assertThat(CostBounds.lowSlopeUsd(f)).isCloseTo(perRpd * 2 * 730 * 4.06, within(1e-12));
        assertThat(CostBounds.highSlopeUsd(f)).isCloseTo(perRpd * 2 * 730 * 6.88, within(1e-12));
    }

    @Test
    void theStepsAreOneReplicaAndAnInstancesOtherAccelerators() {
        Fleet.Pricing payg = new Fleet.Pricing(6.88, 0, null, Double.NaN, 100, Double.NaN).inInstancesOf(8);
        // At least one replica of two accelerators, and up to six more accelerators of its instance, all month.
        Fleet one = twoWide(BreakEvenTest.FLAT, Scaling.ALWAYS_ON, 1, payg);
        assertThat(CostBounds.stepsUsd(one)).isCloseTo(1 * 2 * 730 * 6.88 + 7 * 730 * 6.88, within(1e-9));
        // Three replicas kept up: three replicas' accelerators are the floor.
        Fleet three = twoWide(BreakEvenTest.FLAT, Scaling.ALWAYS_ON, 3, payg);
        assertThat(CostBounds.stepsUsd(three)).isCloseTo(3 * 2 * 730 * 6.88 + 7 * 730 * 6.88, within(1e-9));
        // Serverless: the warm workers plus one worker's start-ups and idle tails, per accelerator.
        Fleet serverless = twoWide(BreakEvenTest.FLAT, Scaling.SERVERLESS, 2,
                new Fleet.Pricing(6.88, 0, null, Double.NaN, 100, Double.NaN, new Serverless(60, 20, 1, 3)));
        assertThat(CostBounds.stepsUsd(serverless)).isCloseTo((2 + 1) * 2 * 730 * 6.88, within(1e-9));
    }
}
