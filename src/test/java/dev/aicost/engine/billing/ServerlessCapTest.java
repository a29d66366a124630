package dev.aicost.engine.billing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicost.api.Estimator;
import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.ServerlessOffer;
import dev.aicost.report.CostReport;
import dev.aicost.report.Optimization;
import dev.aicost.request.InvalidRequestException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Serverless GPUs as providers sell them to a self-serve account: no more GPUs at once than the account may
 * run (Runpod: an $80-an-hour spend limit; Modal's Team plan: 50 GPUs), the plan's monthly fee, and the CPU
 * and memory billed beside each GPU.
 */
class ServerlessCapTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCatalogStatesEachProvidersCapFeeAndExtraCharges() {
        ServerlessOffer runpod = Catalog.builtIn().serverlessOffersFor("h100-sxm").stream()
                .filter(o -> o.id().equals("runpod-flex-h100")).findFirst().orElseThrow();
        // $80 an hour ÷ ($0.00116 × 3,600 = $4.176 an hour per H100) = 19 workers.
        assertThat(runpod.maxGpus()).isEqualTo(19);
        assertThat(runpod.planMonthlyUsd()).isZero();
        assertThat(runpod.perHourUsd()).isCloseTo(4.176, within(1e-9));
        ServerlessOffer modal = Catalog.builtIn().serverlessOffersFor("h100-sxm").stream()
                .filter(o -> o.id().equals("modal-h100")).findFirst().orElseThrow();
        assertThat(modal.maxGpus()).isEqualTo(50);
        assertThat(modal.planMonthlyUsd()).isEqualTo(250);
        // GPU $0.001097 + CPU and memory $0.000123 a second = $4.392 an hour.
        assertThat(modal.perHourUsd()).isCloseTo(4.392, within(1e-9));
        assertThat(modal.holds(50)).isTrue();
        assertThat(modal.holds(51)).isFalse();
    }

    @Test
    void aFleetAboveEverySelfServeCapIsNotOfferedServerless() throws Exception {
        CostReport r = Estimator.builtIn().estimate(JSON.readTree(Files.readString(
                Path.of("infra/events/enterprise-assistant.json"))));
        Optimization serverless = r.optimizations().stream().filter(o -> o.lever().equals("serverless")).findFirst()
                .orElseThrow();
        assertThat(serverless.applicable()).isFalse();
        assertThat(serverless.notApplicableReason()).contains("above every self-serve cap for h100-sxm")
                .contains("runpod 19").contains("modal 50");
        assertThat(r.bestPlan().levers()).doesNotContain("serverless");
    }

    @Test
    void askingForServerlessAboveTheCapsIsAnsweredWithTheCaps() {
        assertThatThrownBy(() -> Estimator.builtIn().estimate(JSON.readTree(("{'model':{'id':'llama-3.1-70b'},"
                + "'inference':{'requestsPerDay':2e7,'accelerator':'h100-sxm','scaling':'serverless'}}")
                .replace('\'', '"')))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("inference.scaling").hasMessageContaining("self-serve cap");
    }

    @Test
    void aSmallServerlessFleetStillRuns() throws Exception {
        CostReport r = Estimator.builtIn().estimate(JSON.readTree(Files.readString(
                Path.of("infra/events/spiky-internal-tool.json"))));
        assertThat(r.inference().fleet().scaling()).isEqualTo("serverless");
        assertThat(r.inference().cost().monthlyCostUsd()).isPositive();
    }

    /** Workers that never all go idle are a switch to per-second billing, and the lever says so. */
    @Test
    void aServerlessFleetThatNeverScalesToZeroIsLabelledAProviderSwitch() throws Exception {
        for (String rpd : new String[] {"200000", "1000000"}) {
            CostReport r = Estimator.builtIn().estimate(JSON.readTree(("{'model':{'id':'llama-3.1-8b'},'inference':{"
                    + "'requestsPerDay':" + rpd + ",'accelerator':'h100-sxm'},'horizonMonths':12}").replace('\'', '"')));
            Optimization serverless = r.optimizations().stream().filter(o -> o.lever().equals("serverless"))
                    .findFirst().orElseThrow();
            if (rpd.equals("200000")) {
                assertThat(serverless.change()).endsWith("→ serverless (runpod-flex-h100, scale to zero, billed per second)");
            } else {
                assertThat(serverless.change()).contains("a provider switch: at this traffic they never scale to zero");
            }
        }
    }
}
