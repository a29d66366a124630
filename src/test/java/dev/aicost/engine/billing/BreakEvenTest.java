package dev.aicost.engine.billing;

import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.Precision;
import dev.aicost.engine.core.Num;
import dev.aicost.engine.serving.DailyShape;
import dev.aicost.engine.serving.ServingModel;
import dev.aicost.request.InferenceInput.Scaling;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * The hosted-API break-even on fleets built directly: the answer is the highest traffic at which the
 * fleet still costs at least the API (tight), and above it the fleet is cheaper at every traffic
 * checked (sound), for smooth serverless costs and for staircases, including APIs priced a hair above
 * the fleet's marginal cost, where the two cost lines run almost parallel.
 */
class BreakEvenTest {
    static final Catalog CATALOG = Catalog.builtIn();
    /** The spiky internal tool's day: idle at night, two peaks. */
    static final double[] SPIKY = DailyShape.normalised(
            new double[] {0, 0, 0, 0, 0, 0, 0, 1, 4, 8, 8, 6, 3, 6, 8, 8, 6, 3, 1, 0, 0, 0, 0, 0});
    static final double[] FLAT = DailyShape.normalised(
            new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});

    static Fleet fleet(double[] shape, Scaling scaling, int minReplicas, Fleet.Pricing pricing) {
        ServingModel replica = new ServingModel(CATALOG.model("llama-3.1-8b").orElseThrow(),
                CATALOG.accelerator("l4").orElseThrow(), Precision.FP8, 1, 1500, 300, 0);
        ServingModel.Point point = replica.at(8);
        Fleet.Workload w = new Fleet.Workload(DailyShape.max(shape), shape, scaling, minReplicas, 0, 0);
        return new Fleet(replica, point, w, pricing, null);
    }

    static Fleet serverless(double[] shape, int warm, double idleSeconds) {
        return fleet(shape, Scaling.SERVERLESS, warm, new Fleet.Pricing(0.8, 0, null, Double.NaN, 787.5, Double.NaN,
                new Serverless(idleSeconds, 20, 1, 3)));
    }

    static List<Fleet> fleets() {
        List<Fleet> list = new ArrayList<>();
        list.add(serverless(SPIKY, 0, 120));
        list.add(serverless(FLAT, 0, 5));
        list.add(serverless(SPIKY, 1, 60));
        Fleet.Pricing payg = new Fleet.Pricing(0.8, 0, null, Double.NaN, 787.5, Double.NaN);
        list.add(fleet(SPIKY, Scaling.AUTOSCALE, 1, payg));
        list.add(fleet(FLAT, Scaling.ALWAYS_ON, 1, payg));
        list.add(fleet(SPIKY, Scaling.AUTOSCALE, 0,
                new Fleet.Pricing(0.5, 12, null, 0.8, 787.5, Double.NaN))); // committed baseline + burst
        return list;
    }

    /** API prices ($ per request) from a hair above the fleet's marginal cost to far above it. */
    static double[] apiPrices(Fleet f) {
        double marginal = CostBounds.highSlopeUsd(f) / Num.DAYS_PER_MONTH;
        return new double[] {marginal * 1.001, marginal * 1.02, marginal * 1.3, marginal * 3, marginal * 30};
    }

    /** The weight of the busiest hour of a fleet's day. */
    static double busiestHour(Fleet f) {
        double busiest = 0;
        for (double w : f.workload().shape()) {
            busiest = Math.max(busiest, w);
        }
        return busiest;
    }

    static double apiMonthly(double perRequest, double requestsPerDay) {
        return perRequest * Num.DAYS_PER_MONTH * requestsPerDay;
    }

    @Test
    void theFleetIsCheaperAtEveryHigherTrafficChecked() {
        int checked = 0;
        for (Fleet f : fleets()) {
            for (double price : apiPrices(f)) {
                Double b = BreakEven.requestsPerDay(f, price);
                assertThat(b).as("a break-even below the largest traffic").isNotNull();
                for (double m = 1.000001; m < 1e4 && b * m < BreakEven.MAX; m *= 1.07) {
                    assertThat(f.monthlyCostUsd(b * m)).as("%s at %s × the break-even %s", price, m, b)
                            .isLessThan(apiMonthly(price, b * m));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(3000);
    }

    @Test
    void atTheBreakEvenTheFleetStillCostsAtLeastTheApi() {
        for (Fleet f : fleets()) {
            for (double price : apiPrices(f)) {
                double b = BreakEven.requestsPerDay(f, price);
                // Just above b (a step at b is taken), within the search's resolution of 1e-7.
                assertThat(f.monthlyCostUsd(b * (1 + 1e-9))).as("%s: break-even %s", price, b)
                        .isGreaterThanOrEqualTo(apiMonthly(price, b) * (1 - 1e-6));
            }
        }
    }

    @Test
    void noBreakEvenWhenTheApiIsNoDearerThanTheFleetPerRequest() {
        for (Fleet f : fleets()) {
            assertThat(BreakEven.requestsPerDay(f, CostBounds.lowSlopeUsd(f) / Num.DAYS_PER_MONTH)).isNull();
        }
    }
}
