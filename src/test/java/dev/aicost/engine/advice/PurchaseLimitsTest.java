package dev.aicost.engine.advice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.api.Estimator;
import dev.aicost.catalog.Catalog;
import dev.aicost.report.CostReport;
import dev.aicost.report.Optimization;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** Levers offer only what can be bought: no capacity block for a fleet that outlives one. */
class PurchaseLimitsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static CostReport startupChatbot(int horizonMonths) throws Exception {
        ObjectNode r = (ObjectNode) JSON.readTree(Files.readString(Path.of("infra/events/startup-chatbot.json")));
        r.put("horizonMonths", horizonMonths);
        r.remove("monthlyBudgetUsd");
        return Estimator.builtIn().estimate(r);
    }

    @Test
    void theCatalogSaysWhatABlockHolds() {
        var block = Catalog.builtIn().offer("aws-p5e-h200-block").orElseThrow();
        assertThat(block.maxDays()).isEqualTo(182.0);
        assertThat(block.maxInstances()).isEqualTo(64);
        assertThat(block.lasts(182)).isTrue();
        assertThat(block.lasts(183)).isFalse();
        assertThat(Catalog.builtIn().offer("aws-p5-h100").orElseThrow().lasts(36_500)).isTrue();
    }

    @Test
    void aTwoYearFleetIsNeverMovedOntoACapacityBlock() throws Exception {
        CostReport r = startupChatbot(24);
        for (Optimization o : r.optimizations()) {
            if (o.applicable()) {
                assertThat(o.change()).as(o.lever()).doesNotContain("-block");
            }
        }
        assertThat(r.bestPlan().levers()).isNotEmpty();
    }

    @Test
    void aFleetThatFitsInOneBlockMayUseIt() throws Exception {
        // H200s from CoreWeave ($6.31): AWS's H200 capacity block ($5.41) is cheaper, and three months
        // (91 days) fit in one 182-day block; two years do not.
        String request = "{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':200000,'accelerator':'h200',"
                + "'precision':'fp8'},'horizonMonths':%d}";
        CostReport quarter = Estimator.builtIn().estimate(JSON.readTree(String.format(request, 3).replace('\'', '"')));
        assertThat(quarter.optimizations()).anyMatch(o -> o.lever().equals("cheaper-provider")
                && o.change().equals("inference.offer: coreweave-h200 → aws-p5e-h200-block"));
        CostReport twoYears = Estimator.builtIn().estimate(JSON.readTree(String.format(request, 24).replace('\'', '"')));
        assertThat(twoYears.optimizations()).noneMatch(o -> o.change() != null && o.change().contains("-block"));
    }

    @Test
    void trainingIsOfferedACheaperProviderForTheSameAccelerators() throws Exception {
        // 64 H100s on AWS's p5 (8-GPU servers) at $6.88 on demand. The marketplace's single H100s ($2.90)
        // and Lambda's 1-, 2- and 4-GPU instances are no 8-GPU server; the cheapest 8-GPU H100 servers elsewhere
        // are Lambda's at $3.99: the run's compute costs 3.99 / 6.88 as much.
        CostReport r = Estimator.builtIn().estimate(JSON.readTree(("{'model':{'id':'llama-3.1-8b'},'training':{"
                + "'tokens':1e12,'accelerator':'h100-sxm','accelerators':64}}").replace('\'', '"')));
        Optimization o = r.optimizations().stream().filter(x -> x.lever().equals("training-provider")).findFirst()
                .orElseThrow();
        assertThat(o.applicable()).isTrue();
        assertThat(o.change()).isEqualTo("training.offer: aws-p5-h100 → lambda-h100-sxm");
        double compute = r.training().breakdown().computeUsd();
        assertThat(o.savingsUsd()).isGreaterThan(compute * (1 - 3.99 / 6.88) * 0.99);
    }

    @Test
    void aReplicaMustFitOneInstanceOfTheNamedOffer() {
        // The marketplace rents single H100s: no NVLink between them, so no tensor-parallel replica across two.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Estimator.builtIn().estimate(JSON.readTree(
                ("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1000,'accelerator':'h100-sxm',"
                        + "'offer':'market-h100-sxm','tensorParallel':8}}").replace('\'', '"'))))
                .isInstanceOfSatisfying(dev.aicost.request.InvalidRequestException.class, e -> assertThat(
                        e.problems().get(0).problem()).isEqualTo("a 8-way replica does not fit an instance of offer "
                                + "'market-h100-sxm' (marketplace 1x H100 SXM: 1 × h100-sxm); a tensor-parallel replica "
                                + "runs within one instance"));
        // Llama 3.3 70B in bf16 (141 GB) needs two H100s: not on single-GPU instances.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Estimator.builtIn().estimate(JSON.readTree(
                ("{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':1000,'accelerator':'h100-sxm',"
                        + "'offer':'market-h100-sxm'}}").replace('\'', '"'))))
                .isInstanceOfSatisfying(dev.aicost.request.InvalidRequestException.class, e -> assertThat(
                        e.problems().get(0).path()).isEqualTo("inference.offer"));
    }

    @Test
    void aCheaperProviderMustHoldTheReplica() throws Exception {
        // The startup chat-bot's replica is 2 × H100 (fp8 70B): the marketplace's single GPUs cannot hold it.
        CostReport r = startupChatbot(24);
        Optimization o = r.optimizations().stream().filter(x -> x.lever().equals("cheaper-provider")).findFirst()
                .orElseThrow();
        assertThat(o.change()).doesNotContain("market-h100-sxm");
    }
}
