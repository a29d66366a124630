package dev.aicost.engine.billing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicost.api.Estimator;
import dev.aicost.report.CostReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A service keeps headroom at its peak (80 % busy at most) and two replicas; a batch job runs full on one;
 * the request overrides both. Bills by hand: single H100s on the marketplace at $2.90 an hour, 730 hours a
 * month, no operations staff, a peak of twice the mean.
 */
class HeadroomTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final double HOUR = 2.90;

    static CostReport estimate(double requestsPerDay, String extra) throws Exception {
        return Estimator.builtIn().estimate(JSON.readTree(("{'model':{'id':'llama-3.1-8b'},'inference':{"
                + "'requestsPerDay':" + requestsPerDay + ",'accelerator':'h100-sxm','offer':'market-h100-sxm',"
                + "'tensorParallel':1,'batchSize':32,'peakToAverage':2,'scaling':'always-on',"
                + "'operations':{'monthlyUsd':0}" + extra + "},'horizonMonths':12}").replace('\'', '"')));
    }

    /** Traffic whose peak needs 3.5 replicas run full: 4 of them full, ⌈3.5 / 0.8⌉ = 5 with headroom. */
    static double trafficForThreeAndAHalfReplicas() throws Exception {
        double rps = estimate(1000, "").inference().point().requestsPerSecondPerReplica();
        return 3.5 * rps / 2 * 86_400;
    }

    @Test
    void aServiceRunsItsReplicasAtMost80PercentBusyAtThePeak() throws Exception {
        double rpd = trafficForThreeAndAHalfReplicas();
        CostReport r = estimate(rpd, "");
        assertThat(r.inference().fleet().replicas()).isEqualTo(5);
        assertThat(r.inference().fleet().targetUtilization()).isEqualTo(0.8);
        assertThat(r.inference().cost().monthlyCostUsd()).isCloseTo(5 * 730 * HOUR, within(0.01));
        // Headroom: one replica more than the same fleet run full (4).
        assertThat(r.inference().fleet().headroomMonthlyUsd()).isCloseTo(730 * HOUR, within(0.01));
        assertThat(r.assumptions()).anyMatch(a -> a.name().equals("inference.targetUtilization")
                && a.value().equals("0.8"));
    }

    @Test
    void aServiceKeepsTwoReplicasEvenWhenOneCarriesTheTraffic() throws Exception {
        CostReport r = estimate(1000, "");
        assertThat(r.inference().fleet().replicas()).isEqualTo(2);
        assertThat(r.inference().cost().monthlyCostUsd()).isCloseTo(2 * 730 * HOUR, within(0.01));
        assertThat(r.inference().fleet().headroomMonthlyUsd()).isCloseTo(730 * HOUR, within(0.01));
        assertThat(r.assumptions()).anyMatch(a -> a.name().equals("inference.minReplicas") && a.value().equals("2"));
    }

    @Test
    void theRequestOverridesBoth() throws Exception {
        double rpd = trafficForThreeAndAHalfReplicas();
        CostReport full = estimate(rpd, ",'targetUtilization':1,'minReplicas':1");
        assertThat(full.inference().fleet().replicas()).isEqualTo(4);
        assertThat(full.inference().cost().monthlyCostUsd()).isCloseTo(4 * 730 * HOUR, within(0.01));
        assertThat(full.inference().fleet().headroomMonthlyUsd()).isZero();
        assertThat(full.assumptions()).noneMatch(a -> a.name().equals("inference.targetUtilization")
                || a.name().equals("inference.minReplicas"));
        CostReport single = estimate(1000, ",'minReplicas':1");
        assertThat(single.inference().fleet().replicas()).isEqualTo(1);
        assertThat(single.inference().cost().monthlyCostUsd()).isCloseTo(730 * HOUR, within(0.01));
    }

    @Test
    void aBatchJobRunsFullOnOneReplica() throws Exception {
        double rpd = trafficForThreeAndAHalfReplicas();
        CostReport r = estimate(rpd, ",'workload':'batch'");
        assertThat(r.inference().fleet().replicas()).isEqualTo(4);
        assertThat(r.inference().fleet().targetUtilization()).isEqualTo(1.0);
        assertThat(estimate(1000, ",'workload':'batch'").inference().fleet().replicas()).isEqualTo(1);
    }

    /** A fleet per service tier keeps its own second copy: two small tiers pay two replicas each. */
    @Test
    void eachTiersFleetKeepsItsOwnSecondCopy() throws Exception {
        CostReport r = Estimator.builtIn().estimate(JSON.readTree(("{'model':{'id':'llama-3.1-8b'},'inference':{"
                + "'requestsPerDay':1000,'accelerator':'h100-sxm','offer':'market-h100-sxm','tensorParallel':1,"
                + "'operations':{'monthlyUsd':0},'tiers':[{'name':'fast','share':0.5,'latencyTargetMs':{'ttftMs':200}},"
                + "{'name':'slow','share':0.5,'latencyTargetMs':{'ttftMs':5000},'model':{'id':'llama-3.2-3b'}}]},"
                + "'horizonMonths':12}").replace('\'', '"')));
        assertThat(r.inference().tierFleet()).isEqualTo("separate"); // two models: a fleet each
        // Two replicas per tier where one each would carry the traffic: two single-GPU instances more.
        assertThat(r.inference().fleet().replicas()).isEqualTo(4);
        assertThat(r.inference().cost().monthlyCostUsd()).isCloseTo(4 * 730 * HOUR, within(0.01));
        assertThat(r.inference().fleet().headroomMonthlyUsd()).isCloseTo(2 * 730 * HOUR, within(0.01));
    }
}
