package dev.aicost.engine.billing;

import dev.aicost.request.InferenceInput.Scaling;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cheap bound on a fleet's accelerator-hours that lets the replica choice skip degrees. */
class FleetHoursTest {

    @Test
    void theBoundNeverExceedsTheHoursAndIsExactForAnAlwaysOnFleet() {
        Fleet.Pricing payg = Fleet.Pricing.payAsYouGo(1.0);
        int checked = 0;
        for (double[] shape : new double[][] {BreakEvenTest.SPIKY, BreakEvenTest.FLAT}) {
            for (int min : new int[] {0, 1, 3}) {
                Fleet[] fleets = {BreakEvenTest.fleet(shape, Scaling.AUTOSCALE, min, payg),
                    BreakEvenTest.fleet(shape, Scaling.ALWAYS_ON, min, payg), BreakEvenTest.serverless(shape, min, 60)};
                for (Fleet f : fleets) {
                    for (double rpd = 1; rpd < 1e10; rpd *= 1.9) {
                        double bound = f.acceleratorHoursPerMonthAtLeast(rpd);
                        assertThat(bound).as("%s, min %d, %s requests a day", f.workload().scaling(), min, rpd)
                                .isLessThanOrEqualTo(f.acceleratorHoursPerMonth(rpd));
                        if (f.workload().scaling() == Scaling.ALWAYS_ON) {
                            assertThat(bound).isEqualTo(f.acceleratorHoursPerMonth(rpd));
                        }
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(500);
    }
}
