package dev.aicost.engine;

import dev.aicost.catalog.Catalog;
import dev.aicost.engine.core.Num;
import dev.aicost.report.CostReport;
import dev.aicost.report.InferenceReport;
import dev.aicost.report.Optimization;
import dev.aicost.request.InvalidRequestException;
import org.junit.jupiter.api.Test;
import static dev.aicost.engine.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;


/** Small models on server CPUs (AMX, Graviton) and edge devices, with the same roofline. */
class CpuAndEdgeTest {
    static final Catalog CATALOG = Fixtures.ENGINE.catalog();

    @Test
    void aSmallQuantisedModelIsPricedOnACpuInstance() {
        InferenceReport r = estimate("{'model':{'id':'llama-3.2-3b'},'inference':{'requestsPerDay':20000,"
                + "'accelerator':'xeon-spr-48c','precision':'int4','operations':{'monthlyUsd':0}}}").inference();
        assertThat(r.accelerator()).isEqualTo("xeon-spr-48c");
        assertThat(r.cost().offer()).isEqualTo("aws-c7i-24xl");
        // Rented by the instance-hour like any accelerator: replicas × 730 h × $4.284.
        assertThat(r.cost().monthlyCostUsd()).isCloseTo(r.fleet().accelerators() * Num.HOURS_PER_MONTH * 4.284,
                within(0.02));
        // Decode reads the weights each step: never faster than the socket's memory bandwidth allows.
        double weightsGb = r.point().weightsGbPerAccelerator() * r.point().tensorParallel();
        assertThat(r.point().tpotMs()).isGreaterThan(weightsGb / 307.2 * 1000);
        assertThat(r.point().boundBy()).isEqualTo("memory-bandwidth");
        assertThat(r.point().latencyTargetMet()).isTrue();
    }

    @Test
    void theCpuServingLeverMovesASmallModelOffAnExpensiveGpu() {
        CostReport onH100 = estimate("{'model':{'id':'llama-3.2-3b'},'inference':{'requestsPerDay':20000,"
                + "'accelerator':'h100-sxm','precision':'int4'}}");
        Optimization cpu = onH100.optimizations().stream().filter(o -> o.lever().equals("cpu-serving")).findFirst()
                .orElseThrow();
        assertThat(cpu.applicable()).isTrue();
        assertThat(cpu.savingsUsd()).isGreaterThan(0);
        assertThat(CATALOG.form(cpu.requestMergePatch().at("/inference/accelerator").asText()))
                .isEqualTo(Catalog.Form.CPU);
        // A 70B model is not tried on CPUs, and the GPU catalog search never proposes a CPU or an edge device.
        CostReport big = estimate("{'model':{'id':'llama-3.1-70b'},'inference':{'requestsPerDay':20000}}");
        assertThat(big.optimizations()).noneMatch(o -> o.lever().equals("cpu-serving"));
        for (CostReport r : new CostReport[] {onH100, big}) {
            r.optimizations().stream().filter(o -> o.lever().equals("cheaper-accelerator") && o.applicable())
                    .forEach(o -> assertThat(CATALOG.form(o.requestMergePatch().at("/inference/accelerator").asText()))
                            .isEqualTo(Catalog.Form.ACCELERATOR));
        }
    }

    @Test
    void anEdgeDeviceIsOwnedNotRented() {
        assertThat(CATALOG.form("jetson-orin-nano-8")).isEqualTo(Catalog.Form.EDGE);
        assertThat(CATALOG.rentable("jetson-orin-nano-8")).isFalse();
        assertThatThrownBy(() -> estimate("{'model':{'id':'llama-3.2-3b'},'inference':{'requestsPerDay':2000,"
                + "'accelerator':'jetson-orin-nano-8','precision':'int4'}}"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).problems())
                        .anyMatch(p -> p.path().equals("inference.pricingMode") && p.problem().contains("you own")));
        InferenceReport owned = estimate("{'model':{'id':'llama-3.2-3b'},'inference':{'requestsPerDay':2000,"
                + "'accelerator':'jetson-orin-nano-8','precision':'int4','pricingMode':'owned',"
                + "'operations':{'monthlyUsd':0}}}").inference();
        assertThat(owned.economics().ownedCost().purchaseUsd()).isEqualTo(249);
        assertThat(owned.cost().monthlyCostUsd()).isGreaterThan(0).isLessThan(200);
    }
}
