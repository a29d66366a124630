package dev.aicost.engine.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicost.api.Estimator;
import dev.aicost.report.CostReport;
import dev.aicost.report.LifecycleReport;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A yearly price decline moves what is rented at market prices, month by month; a commitment's rate is
 * fixed for its term and renews at the declined price; the people who run the fleet are paid the same.
 */
class PriceDeclineTest {
    /** Accelerators paid for: whole instances' on a multi-GPU size, else the fleet's own (one-GPU p5.4xlarge). */
    static int billed(CostReport r) {
        var fleet = r.inference().fleet();
        return fleet.billedAccelerators() != null ? fleet.billedAccelerators() : fleet.accelerators();
    }

    static final ObjectMapper JSON = new ObjectMapper();

    static CostReport estimate(String mode, double decline) throws Exception {
        return Estimator.builtIn().estimate(JSON.readTree(("{'model':{'id':'llama-3.1-8b'},'inference':{"
                + "'requestsPerDay':2000000,'accelerator':'h100-sxm','pricingMode':'" + mode + "','operations':"
                + "{'monthlyUsd':1000}},'horizonMonths':24,'priceDeclinePerYear':" + decline + "}")
                .replace('\'', '"')));
    }

    @Test
    void aCommitmentRenewsAtTheDeclinedPriceAndPeopleAreNotDeclined() throws Exception {
        CostReport r = estimate("commit-1y", 0.2);
        double committed = billed(r) * 730 * 4.06; // the p5 family's 1-year rate, either size
        LifecycleReport.Month first = r.lifecycle().months().get(0);
        LifecycleReport.Month twelfth = r.lifecycle().months().get(11);
        LifecycleReport.Month thirteenth = r.lifecycle().months().get(12);
        assertThat(first.inferenceUsd()).isCloseTo(committed + 1000, within(0.01));
        assertThat(twelfth.inferenceUsd()).isCloseTo(committed + 1000, within(0.01)); // locked for the term
        assertThat(thirteenth.inferenceUsd()).isCloseTo(committed * 0.8 + 1000, within(0.01)); // renewed
    }

    @Test
    void onDemandFollowsTheMarketMonthByMonthButPeopleDoNot() throws Exception {
        CostReport r = estimate("on-demand", 0.2);
        CostReport flat = estimate("on-demand", 0);
        double rented = flat.lifecycle().months().get(0).inferenceUsd() - 1000;
        for (int m : new int[] {1, 7, 13, 24}) {
            assertThat(r.lifecycle().months().get(m - 1).inferenceUsd()).as("month %d", m)
                    .isCloseTo(rented * Math.pow(0.8, (m - 1) / 12.0) + 1000, within(0.01));
        }
    }
}
