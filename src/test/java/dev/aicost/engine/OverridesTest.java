package dev.aicost.engine;

import dev.aicost.report.CostReport;
import dev.aicost.request.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static dev.aicost.engine.Fixtures.assumption;
import static dev.aicost.engine.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A request can override any catalog figure; overrides change the report and are echoed in assumptions. */
class OverridesTest {

    @Test
    void aCustomPriceWins() {
        CostReport base = estimate("{'model':{'id':'llama-3.1-8b'},'training':{'tokens':1e11,'accelerators':8}}");
        CostReport cheap = estimate("{'model':{'id':'llama-3.1-8b'},'training':{'tokens':1e11,'accelerators':8,"
                + "'pricePerAcceleratorHourUsd':2.0}}");
        assertThat(cheap.training().costUsd()).isLessThan(base.training().costUsd());
        assertThat(cheap.training().pricing().pricePerAcceleratorHourUsd()).isEqualTo(2.0);
        assertThat(assumption(cheap, "training.pricePerAcceleratorHourUsd")).contains("given in the request");
        assertThat(assumption(base, "training.pricePerAcceleratorHourUsd")).contains("aws-p5-h100");
    }

    @Test
    void aNamedOfferIsUsed() {
        CostReport r = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e5,"
                + "'offer':'lambda-h100-sxm'}}");
        assertThat(r.inference().cost().pricePerAcceleratorHourUsd()).isEqualTo(3.99);
        assertThat(r.inference().cost().offer()).isEqualTo("lambda-h100-sxm");
    }

    @Test
    void aCustomAcceleratorWithItsSpecsInline() {
        CostReport r = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e5,"
                + "'accelerator':{'id':'my-asic','peakTflops':{'bf16':500,'fp8':1000},'memoryGb':96,"
                + "'bandwidthGBs':4000,'tdpW':500},'pricePerAcceleratorHourUsd':3}}");
        assertThat(r.inference().accelerator()).isEqualTo("my-asic");
        assertThat(r.inference().cost().pricePerAcceleratorHourUsd()).isEqualTo(3.0);
        assertThat(assumption(r, "inference.accelerator.source")).contains("specs given in the request");
        assertThat(assumption(r, "inference.accelerator.interconnectGBs")).contains("typical");
    }

    @Test
    void aCatalogAcceleratorWithAnOverriddenSpec() {
        CostReport base = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e5,"
                + "'tensorParallel':1,'batchSize':1}}");
        CostReport faster = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e5,"
                + "'tensorParallel':1,'batchSize':1,'accelerator':{'id':'h100-sxm','bandwidthGBs':6700}}}");
        assertThat(faster.inference().point().tpotMs()).isLessThan(base.inference().point().tpotMs() * 0.6);
        assertThat(assumption(faster, "inference.accelerator.bandwidthGBs")).contains("overridden")
                .contains("catalog: 3350");
    }

    @Test
    void aCustomAcceleratorWithoutAPriceIsRefused() {
        assertThatThrownBy(() -> estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e5,"
                + "'accelerator':{'id':'mine','peakTflops':{'bf16':100},'memoryGb':48,'bandwidthGBs':900}}}"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("pricePerAcceleratorHourUsd");
    }

    @Test
    void aCatalogModelWithAnOverriddenArchitectureField() {
        CostReport base = estimate("{'model':{'id':'llama-2-70b'},'inference':{'requestsPerDay':1e5,"
                + "'tensorParallel':4}}");
        CostReport mha = estimate("{'model':{'id':'llama-2-70b','kvHeads':64},'inference':{'requestsPerDay':1e5,"
                + "'tensorParallel':4}}");
        assertThat(mha.inference().point().kvCacheBytesPerToken()).isEqualTo(2.0 * 80 * 64 * 128 * 2);
        assertThat(base.inference().point().kvCacheBytesPerToken()).isEqualTo(2.0 * 80 * 8 * 128 * 2);
        assertThat(assumption(mha, "model.kvHeads")).contains("overridden").contains("catalog: 8");
    }

    @Test
    void aCustomModelGetsADerivedArchitectureStated() {
        CostReport r = estimate("{'model':{'parameters':3e10},'inference':{'requestsPerDay':1e5}}");
        assertThat(r.model().hiddenSize()).isBetween(6000, 7500);
        assertThat(assumption(r, "model.hiddenSize")).contains("derived");
        assertThat(assumption(r, "model.kvHeads")).contains("grouped-query");
    }

    @Test
    void everyReportNamesTheCatalogDateAndTheSourcesItUsed() {
        CostReport r = estimate("{'model':{'id':'llama-3.1-70b'},'training':{'tokens':1e9},"
                + "'inference':{'requestsPerDay':1e5}}");
        assertThat(r.catalog().asOf()).isEqualTo(ENGINE_CATALOG_DATE);
        assertThat(assumption(r, "model.source")).contains("config.json");
        assertThat(assumption(r, "training.accelerator.source")).contains("datasheet");
        assertThat(assumption(r, "inference.pricePerAcceleratorHourUsd")).contains("secondary");
    }

    static final String ENGINE_CATALOG_DATE = Fixtures.ENGINE.catalog().asOf().toString();
}
