package dev.aicost.engine.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicost.api.Estimator;
import dev.aicost.report.CostReport;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A commitment is paid to the end of its term, whatever the horizon: by hand from the catalog's prices. */
class CommitmentTermTest {
    /** Accelerators paid for: whole instances' on a multi-GPU size, else the fleet's own (one-GPU p5.4xlarge). */
    static int billed(CostReport r) {
        var fleet = r.inference().fleet();
        return fleet.billedAccelerators() != null ? fleet.billedAccelerators() : fleet.accelerators();
    }

    static final ObjectMapper JSON = new ObjectMapper();

    static CostReport estimate(String mode, int horizon) throws Exception {
        return Estimator.builtIn().estimate(JSON.readTree(("{'model':{'id':'llama-3.1-8b'},'inference':{"
                + "'requestsPerDay':2000000,'accelerator':'h100-sxm','pricingMode':'" + mode + "','operations':"
                + "{'monthlyUsd':0}},'horizonMonths':" + horizon + "}").replace('\'', '"')));
    }

    @Test
    void threeYearsCommittedOverTwelveMonthsOweTwentyFourMore() throws Exception {
        CostReport r = estimate("commit-3y", 12);
        // the p5 family's 3-year rate (p5.48xlarge or p5.4xlarge): $2.48 per accelerator-hour, every hour of every committed accelerator.
        int accelerators = billed(r);
        double month = accelerators * 730 * 2.48;
        assertThat(r.inference().cost().monthlyCostUsd()).isCloseTo(month, within(0.01));
        assertThat(r.lifecycle().totalUsd()).isCloseTo(12 * month, within(0.1));
        assertThat(r.lifecycle().commitmentsBeyondHorizonUsd()).isCloseTo(24 * month, within(0.01));
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("The horizon ends inside a committed term: the contract "
                + "still bills $") && w.contains("after month 12"));
    }

    @Test
    void aTermThatEndsWithTheHorizonOwesNothingAndNeitherDoesOnDemand() throws Exception {
        assertThat(estimate("commit-3y", 36).lifecycle().commitmentsBeyondHorizonUsd()).isNull();
        assertThat(estimate("commit-1y", 24).lifecycle().commitmentsBeyondHorizonUsd()).isNull();
        assertThat(estimate("on-demand", 7).lifecycle().commitmentsBeyondHorizonUsd()).isNull();
        // 18 months of 1-year terms: the second term has 6 months left to pay.
        CostReport r = estimate("commit-1y", 18);
        double month = billed(r) * 730 * 4.06;
        assertThat(r.lifecycle().commitmentsBeyondHorizonUsd()).isCloseTo(6 * month, within(0.01));
    }
}
