package dev.aicost.engine.billing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicost.api.Estimator;
import dev.aicost.report.CostReport;
import dev.aicost.report.Optimization;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Fleets are billed in whole instances of their offer, by hand from the catalog's prices. */
class WholeInstancesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static CostReport estimate(String json) throws Exception {
        return Estimator.builtIn().estimate(JSON.readTree(json.replace('\'', '"')));
    }

    @Test
    void aTwoGpuReplicaOnAnEightGpuInstancePaysForTheWholeInstance() throws Exception {
        // The startup chat-bot: two 2 × H100 replicas (Llama 3.3 70B fp8; a service keeps two copies) on
        // aws-p5-h100, one p5.48xlarge of 8 H100s at $6.88 per GPU-hour: 8 × 730 h × $6.88 = $40,179.20, plus a
        // quarter engineer ($3,937.50). The second copy costs nothing: it runs on GPUs the instance idles anyway.
        CostReport r = Estimator.builtIn().estimate(JSON.readTree(Files.readString(
                Path.of("infra/events/startup-chatbot.json"))));
        var fleet = r.inference().fleet();
        assertThat(r.inference().point().tensorParallel()).isEqualTo(2);
        assertThat(fleet.replicas()).isEqualTo(2);
        assertThat(fleet.instances()).isEqualTo(1);
        assertThat(fleet.acceleratorsPerInstance()).isEqualTo(8);
        assertThat(fleet.billedAccelerators()).isEqualTo(8);
        assertThat(fleet.idleAccelerators()).isEqualTo(4);
        assertThat(fleet.idleAcceleratorsPerInstance()).isEqualTo(4.0); // one instance, four of its GPUs idle
        assertThat(fleet.headroomMonthlyUsd()).isZero();
        assertThat(fleet.instanceType()).isEqualTo("p5.48xlarge");
        assertThat(r.inference().economics().fleetMonthlyCostUsd()).isCloseTo(8 * 730 * 6.88, within(0.01));
        assertThat(r.inference().cost().monthlyCostUsd()).isCloseTo(8 * 730 * 6.88 + 3937.5, within(0.01));
        assertThat(r.assumptions()).anyMatch(a -> a.name().equals("inference.instances"));
    }

    @Test
    void oneGpuInstancesAreTheCheaperChoiceForAOneGpuReplica() throws Exception {
        // Llama 3.1 8B fits one H100. AWS sells H100s as an 8-GPU p5.48xlarge or a 1-GPU p5.4xlarge, both $6.88 per
        // GPU-hour: the two replicas (a service keeps two copies) rent two p5.4xlarge, 2 × 730 h × $6.88 =
        // $10,044.80 a month, not a whole p5.48xlarge at 8 × 730 × $6.88 = $40,179.20. The marketplace rents
        // single H100s at $2.90: 2 × 730 × $2.90 = $4,234 a month, of which the second copy is $2,117.
        CostReport aws = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':50000,"
                + "'accelerator':'h100-sxm','operations':{'monthlyUsd':0}},'horizonMonths':12}");
        CostReport whole = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':50000,"
                + "'accelerator':'h100-sxm','offer':'aws-p5-h100','operations':{'monthlyUsd':0}},'horizonMonths':12}");
        CostReport market = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':50000,"
                + "'accelerator':'h100-sxm','offer':'market-h100-sxm','operations':{'monthlyUsd':0}},'horizonMonths':12}");
        assertThat(aws.inference().cost().offer()).isEqualTo("aws-p5-h100-1x");
        assertThat(aws.inference().fleet().replicas()).isEqualTo(2);
        assertThat(aws.inference().fleet().instances()).isNull(); // one GPU per instance: nothing rounds
        assertThat(aws.inference().cost().monthlyCostUsd()).isCloseTo(2 * 730 * 6.88, within(0.01));
        assertThat(whole.inference().cost().monthlyCostUsd()).isCloseTo(8 * 730 * 6.88, within(0.01));
        assertThat(aws.assumptions()).anyMatch(a -> a.name().equals("inference.offer")
                && a.reason().contains("p5.48xlarge $482200, p5.4xlarge $120500"));
        assertThat(market.inference().point().tensorParallel()).isEqualTo(1);
        assertThat(market.inference().fleet().instances()).isNull();
        assertThat(market.inference().cost().monthlyCostUsd()).isCloseTo(2 * 730 * 2.90, within(0.01));
        assertThat(market.inference().fleet().headroomMonthlyUsd()).isCloseTo(730 * 2.90, within(0.01));
        Optimization provider = aws.optimizations().stream().filter(o -> o.lever().equals("cheaper-provider"))
                .findFirst().orElseThrow();
        assertThat(provider.change()).isEqualTo("inference.offer: aws-p5-h100-1x → market-h100-sxm");
        assertThat(provider.savingsUsd()).isCloseTo(12 * (2 * 730 * 6.88 - 2 * 730 * 2.90), within(0.1));
    }
}
