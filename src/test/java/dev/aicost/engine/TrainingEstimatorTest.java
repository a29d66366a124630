package dev.aicost.engine;

import dev.aicost.report.CostReport;
import dev.aicost.report.TrainingReport;
import dev.aicost.request.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static dev.aicost.engine.Fixtures.assumption;
import static dev.aicost.engine.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrainingEstimatorTest {

    static TrainingReport train(String training) {
        return estimate("{'model':{'id':'llama-3.1-8b'},'training':{" + training + "}}").training();
    }

    @Test
    void pretrainingDefaultsToChinchillaTokensAndSaysSo() {
        CostReport r = estimate("{'model':{'id':'llama-3.1-8b'},'training':{}}");
        assertThat(r.training().work().tokens()).isEqualTo(20 * 8.03e9, within(1e8));
        assertThat(assumption(r, "training.tokens")).contains("Chinchilla");
        assertThat(assumption(r, "training.kind")).startsWith("pretraining");
        assertThat(assumption(r, "training.accelerators")).contains("30 days");
        assertThat(r.training().duration().wallClockDays()).isLessThanOrEqualTo(30.5);
    }

    @Test
    void flopsAreSixTimesActiveParametersTimesTokensAndEightWithRecomputation() {
        TrainingReport plain = train("'tokens':1e12");
        TrainingReport ckpt = train("'tokens':1e12,'activationCheckpointing':true");
        assertThat(plain.work().flops()).isEqualTo(6 * 8.03e9 * 1e12, within(1e20));
        assertThat(ckpt.work().flops()).isEqualTo(8 * 8.03e9 * 1e12, within(1e20));
        assertThat(ckpt.duration().acceleratorHours()).isGreaterThan(plain.duration().acceleratorHours() * 1.3);
        assertThat(ckpt.memoryPlan().activationsGbPerAccelerator())
                .isLessThan(plain.memoryPlan().activationsGbPerAccelerator());
    }

    @Test
    void mixtureOfExpertsUsesActiveParameters() {
        TrainingReport moe = estimate("{'model':{'id':'mixtral-8x7b'},'training':{'tokens':1e12}}").training();
        assertThat(moe.work().flops()).isEqualTo(6 * 1.29e10 * 1e12, within(1e20));
        assertThat(moe.memoryPlan().trainableParameters()).isEqualTo(4.67e10, within(1e8));
    }

    @Test
    void explicitFlopsOverrideTheRule() {
        assertThat(train("'flops':1e22").work().flops()).isEqualTo(1e22);
    }

    @Test
    void loraCostsLessComputeAndFarLessMemoryThanFullFineTuning() {
        TrainingReport full = train("'kind':'full-finetune','tokens':1e9");
        TrainingReport lora = train("'kind':'lora','tokens':1e9");
        assertThat(lora.work().flops() / full.work().flops()).isEqualTo(4.0 / 6.0, within(1e-3));
        assertThat(lora.memoryPlan().modelStatesGb()).isLessThan(full.memoryPlan().modelStatesGb() / 4);
        assertThat(lora.memoryPlan().trainableParameters()).isLessThan(full.memoryPlan().trainableParameters() / 50);
        CostReport r = estimate("{'model':{'id':'llama-3.1-8b'},'training':{'kind':'lora'}}");
        assertThat(assumption(r, "training.tokens")).contains("fine-tuning");
        assertThat(assumption(r, "training.memory")).contains("frozen");
    }

    @Test
    void mixedPrecisionAdamNeedsSixteenBytesPerParameterAnd8BitLess() {
        assertThat(train("'tokens':1e9").memoryPlan().bytesPerTrainableParameter()).isEqualTo(16);
        assertThat(train("'tokens':1e9,'optimizer':'adam-8bit'").memoryPlan().bytesPerTrainableParameter())
                .isEqualTo(10);
    }

    @Test
    void fp8IsFasterThanBf16ButNotTwiceAsFast() {
        TrainingReport bf16 = train("'tokens':1e12,'accelerator':'h100-sxm','accelerators':64");
        TrainingReport fp8 = train("'tokens':1e12,'accelerator':'h100-sxm','accelerators':64,'precision':'fp8'");
        double speedup = bf16.duration().acceleratorHours() / fp8.duration().acceleratorHours();
        assertThat(speedup).isBetween(1.2, 1.5);
    }

    @Test
    void moreAcceleratorsFinishSoonerAtTheSameAcceleratorHours() {
        TrainingReport small = train("'tokens':1e12,'accelerators':64");
        TrainingReport big = train("'tokens':1e12,'accelerators':256");
        assertThat(big.duration().wallClockDays()).isEqualTo(small.duration().wallClockDays() / 4, within(0.01));
        assertThat(big.duration().acceleratorHours()).isEqualTo(small.duration().acceleratorHours());
    }

    @Test
    void deadlineModeFindsTheAcceleratorsNeeded() {
        TrainingReport r = train("'tokens':2e12,'deadlineDays':14");
        assertThat(r.duration().wallClockDays()).isLessThanOrEqualTo(14.0);
        assertThat(r.cluster().accelerators() % 8).isZero();
        TrainingReport fewer = train("'tokens':2e12,'accelerators':" + (r.cluster().accelerators() - 8));
        assertThat(fewer.duration().wallClockDays()).isGreaterThan(14.0);
    }

    @Test
    void aPlanThatDoesNotFitIsWarnedAboutWithTheMinimum() {
        CostReport r = estimate("{'model':{'id':'llama-3.1-70b'},'training':{'tokens':1e9,'accelerators':2,"
                + "'accelerator':'a100-80gb'}}");
        assertThat(r.training().memoryPlan().fits()).isFalse();
        assertThat(r.training().memoryPlan().minAccelerators()).isGreaterThan(2);
        assertThat(r.warnings()).anyMatch(w -> w.contains("does not fit") && w.contains("at least"));
        CostReport ok = estimate("{'model':{'id':'llama-3.1-70b'},'training':{'tokens':1e9,'accelerators':64,"
                + "'accelerator':'a100-80gb'}}");
        assertThat(ok.training().memoryPlan().fits()).isTrue();
        assertThat(ok.training().memoryPlan().strategy()).contains("ZeRO-3/FSDP");
        assertThat(ok.warnings()).noneMatch(w -> w.contains("does not fit"));
    }

    @Test
    void pricingModesOrderAsTheCatalogDoes() {
        double onDemand = train("'tokens':1e11,'accelerators':8").costUsd();
        double c1 = train("'tokens':1e11,'accelerators':8,'pricingMode':'commit-1y'").costUsd();
        double c3 = train("'tokens':1e11,'accelerators':8,'pricingMode':'commit-3y'").costUsd();
        TrainingReport spot = train("'tokens':1e11,'accelerators':8,'pricingMode':'spot'");
        assertThat(c1).isLessThan(onDemand);
        assertThat(c3).isLessThan(c1);
        assertThat(spot.costUsd()).isLessThan(c3);
        // One p5.48xlarge: 0.2 / 730 interruptions an hour × (0.5 h redone + 0.25 h restart) of the compute.
        assertThat(spot.breakdown().restartOverheadUsd()).isEqualTo(spot.breakdown().computeUsd() * 0.2 / 730 * 0.75,
                within(0.01));
        assertThat(spot.duration().wallClockDays()).isGreaterThan(train("'tokens':1e11,'accelerators':8").duration().wallClockDays());
    }

    @Test
    void ownedHardwareIsAmortisedAndPaysForPower() {
        CostReport r = estimate("{'model':{'id':'llama-3.1-8b'},'training':{'tokens':1e11,'accelerators':8,"
                + "'pricingMode':'owned','hardwareLifeYears':5}}");
        TrainingReport t = r.training();
        assertThat(t.breakdown().powerUsd()).isPositive();
        assertThat(t.breakdown().computeUsd()).isPositive();
        // $35,000 + 45 % server and network, repaid over 5 years at 8 % (annuity 0.2505/year) at 80 %
        // utilisation ≈ $1.81/h; facility 1.26 kW × $184.06/kW-month ÷ 730 h ÷ 0.8 ≈ $0.40/h; power
        // 1.26 kW × 0.75 × PUE 1.2 × $0.10/kWh ≈ $0.11/h.
        assertThat(t.pricing().pricePerAcceleratorHourUsd()).isBetween(2.2, 2.45);
        var owned = t.ownedCost();
        assertThat(owned.utilization()).isEqualTo(0.8);
        assertThat(owned.acceleratorCapitalPerHourUsd() + owned.serverAndNetworkPerHourUsd()
                + owned.financingPerHourUsd() + owned.facilityPerHourUsd() + owned.powerPerHourUsd())
                .isEqualTo(owned.totalPerHourUsd(), within(0.001));
        assertThat(owned.financingPerHourUsd()).isPositive();
        assertThat(assumption(r, "training.pricePerAcceleratorHourUsd")).contains("repaid over 5 years");
        assertThat(assumption(r, "ownership.facilityUsdPerKwMonth")).contains("CBRE");
    }

    @Test
    void breakdownSumsToTheCostAndIncludesOverheadsAndEngineering() {
        TrainingReport t = train("'tokens':1e11,'accelerators':8,'pricingMode':'spot','experimentsOverhead':0.5,"
                + "'engineering':{'people':2,'months':3,'monthlyCostUsd':20000}");
        var b = t.breakdown();
        assertThat(b.computeUsd() + b.restartOverheadUsd() + b.powerUsd() + b.experimentsUsd() + b.engineeringUsd())
                .isEqualTo(t.costUsd(), within(0.05));
        assertThat(b.engineeringUsd()).isEqualTo(120_000);
        assertThat(b.experimentsUsd()).isEqualTo((b.computeUsd() + b.restartOverheadUsd()) * 0.5, within(0.05));
    }

    @Test
    void energyAndCarbonFollowTdpPueAndTheRegion() {
        CostReport r = estimate("{'model':{'id':'llama-2-70b'},'training':{'tokens':2e12,'accelerator':'a100-80gb'},"
                + "'region':'us'}");
        TrainingReport t = r.training();
        assertThat(t.energy().energyKwh()).isEqualTo(t.duration().acceleratorHours() * 0.4 * 0.75 * 1.2, within(t.energy().energyKwh() * 1e-3));
        assertThat(t.energy().co2Tonnes()).isEqualTo(t.energy().energyKwh() * 0.37 / 1000, within(t.energy().co2Tonnes() * 1e-3));
        CostReport france = estimate("{'model':{'id':'llama-2-70b'},'training':{'tokens':2e12,'accelerator':"
                + "'a100-80gb'},'region':'france'}");
        assertThat(france.training().energy().co2Tonnes()).isLessThan(t.energy().co2Tonnes() / 4);
    }

    @Test
    void retrainingCadenceIsPricedPerRun() {
        TrainingReport t = train("'kind':'lora','tokens':1e9,'retrainEveryMonths':3,'retrainTokens':5e8");
        assertThat(t.retraining().everyMonths()).isEqualTo(3);
        assertThat(t.retraining().costPerRunUsd()).isEqualTo(t.costUsd() / 2, within(0.02));
    }

    @Test
    void nonLanguageModelsCannotBeTrainedHere() {
        assertThatThrownBy(() -> estimate("{'model':{'id':'resnet-50'},'training':{}}"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("training");
    }

    @Test
    void efficiencyIsTypicalByDefaultTunedOnRequestOrANumber() {
        TrainingReport typical = train("'tokens':1e11,'accelerators':64");
        TrainingReport tuned = train("'tokens':1e11,'accelerators':64,'efficiency':'tuned'");
        TrainingReport number = train("'tokens':1e11,'accelerators':64,'efficiency':0.5");
        assertThat(tuned.cluster().mfu()).isGreaterThan(typical.cluster().mfu());
        assertThat(tuned.cluster().goodput()).isEqualTo(1.0); // a benchmark's steady state
        assertThat(typical.cluster().goodput()).isEqualTo(0.9);
        assertThat(number.cluster().mfu()).isEqualTo(0.5);
        assertThatThrownBy(() -> train("'tokens':1e11,'efficiency':0.5,'mfu':0.4"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems().get(0).path())
                        .isEqualTo("training.efficiency"));
        assertThatThrownBy(() -> train("'tokens':1e11,'efficiency':'heroic'"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems().get(0).allowed())
                        .contains("typical", "tuned"));
    }

    @Test
    void aTunedStackIsALeverThatKeepsProductionGoodput() {
        CostReport r = estimate("{'model':{'id':'llama-3.1-70b'},'training':{'tokens':1e12,'accelerators':256}}");
        var lever = r.optimizations().stream().filter(o -> o.lever().equals("tuned-stack")).findFirst().orElseThrow();
        assertThat(lever.applicable()).isTrue();
        assertThat(lever.savingsUsd()).isPositive();
        assertThat(lever.requestMergePatch().at("/training/efficiency").asText()).isEqualTo("tuned");
        assertThat(lever.requestMergePatch().at("/training/goodput").asDouble()).isEqualTo(0.9);
        CostReport tuned = estimate("{'model':{'id':'llama-3.1-70b'},'training':{'tokens':1e12,'accelerators':256,"
                + "'efficiency':'tuned'}}");
        assertThat(tuned.optimizations()).noneMatch(o -> o.lever().equals("tuned-stack"));
    }
}
