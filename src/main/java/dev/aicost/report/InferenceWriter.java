package dev.aicost.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import static dev.aicost.report.JsonFields.*;

/** The {@code inference} section of a report, for {@link ReportWriter}. */
final class InferenceWriter {
    private InferenceWriter() {
    }

    static void inference(InferenceReport i, JsonGenerator g) throws IOException {
        str(g, "accelerator", i.accelerator());
        str(g, "precision", i.precision());
        InferenceReport.OperatingPoint op = i.point();
        InferenceReport.Traffic t = i.traffic();
        InferenceReport.FleetSize f = i.fleet();
        InferenceReport.Cost m = i.cost();
        num(g, "tensorParallel", op.tensorParallel());
        num(g, "batchSize", op.batchSize());
        num(g, "maxBatchSize", op.maxBatchSize());
        str(g, "boundBy", op.boundBy());
        num(g, "tokensPerSecondPerAccelerator", op.tokensPerSecondPerAccelerator());
        num(g, "requestsPerSecondPerReplica", op.requestsPerSecondPerReplica());
        num(g, "ttftMs", op.ttftMs());
        num(g, "tpotMs", op.tpotMs());
        num(g, "e2eMs", op.e2eMs());
        bool(g, "latencyTargetMet", op.latencyTargetMet());
        num(g, "weightsGbPerAccelerator", op.weightsGbPerAccelerator());
        num(g, "kvCacheBytesPerToken", op.kvCacheBytesPerToken());
        num(g, "requestsPerDay", t.requestsPerDay());
        num(g, "servedRequestsPerDay", t.servedRequestsPerDay());
        num(g, "peakRequestsPerSecond", t.peakRequestsPerSecond());
        str(g, "scaling", f.scaling());
        num(g, "replicas", f.replicas());
        num(g, "accelerators", f.accelerators());
        num(g, "acceleratorHoursPerMonth", f.acceleratorHoursPerMonth());
        num(g, "utilization", f.utilization());
        integer(g, "instances", f.instances());
        integer(g, "acceleratorsPerInstance", f.acceleratorsPerInstance());
        integer(g, "billedAccelerators", f.billedAccelerators());
        str(g, "instanceType", f.instanceType());
        integer(g, "idleAccelerators", f.idleAccelerators());
        decimal(g, "targetUtilization", f.targetUtilization());
        decimal(g, "headroomMonthlyUsd", f.headroomMonthlyUsd());
        decimal(g, "idleAcceleratorsPerInstance", f.idleAcceleratorsPerInstance());
        str(g, "pricingMode", m.pricingMode());
        str(g, "offer", m.offer());
        num(g, "pricePerAcceleratorHourUsd", m.pricePerAcceleratorHourUsd());
        num(g, "monthlyCostUsd", m.monthlyCostUsd());
        num(g, "costPerRequestUsd", m.costPerRequestUsd());
        num(g, "costPerMillionInputTokensUsd", m.costPerMillionInputTokensUsd());
        num(g, "costPerMillionOutputTokensUsd", m.costPerMillionOutputTokensUsd());
        object(g, "routing", i.routing(), (r, p) -> {
            num(p, "share", r.share());
            str(p, "model", r.model());
            str(p, "accelerator", r.accelerator());
            str(p, "precision", r.precision());
            num(p, "tensorParallel", r.tensorParallel());
            num(p, "accelerators", r.accelerators());
            num(p, "ttftMs", r.ttftMs());
            num(p, "tpotMs", r.tpotMs());
            num(p, "monthlyCostUsd", r.monthlyCostUsd());
        });
        array(g, "hostedApis", i.hostedApis(), (a, p) -> {
            str(p, "id", a.id());
            str(p, "provider", a.provider());
            str(p, "model", a.model());
            num(p, "monthlyCostUsd", a.monthlyCostUsd());
            num(p, "costPerRequestUsd", a.costPerRequestUsd());
            bool(p, "selfHostingCheaper", a.selfHostingCheaper());
            decimal(p, "breakEvenRequestsPerDay", a.breakEvenRequestsPerDay());
            str(p, "source", a.source());
            bool(p, "sameModel", a.sameModel());
        });
        InferenceReport.Economics e = i.economics();
        str(g, "workload", e.workload());
        num(g, "fleetMonthlyCostUsd", e.fleetMonthlyCostUsd());
        num(g, "operationsMonthlyCostUsd", e.operationsMonthlyCostUsd());
        object(g, "capacity", e.capacity(), (c, p) -> {
            str(p, "committedPricingMode", c.committedPricingMode());
            num(p, "committedAccelerators", c.committedAccelerators());
            num(p, "committedUsd", c.committedUsd());
            str(p, "burstPricingMode", c.burstPricingMode());
            num(p, "burstPricePerAcceleratorHourUsd", c.burstPricePerAcceleratorHourUsd());
            num(p, "burstAcceleratorHoursPerMonth", c.burstAcceleratorHoursPerMonth());
            num(p, "burstUsd", c.burstUsd());
        });
        owned(g, e.ownedCost());
        str(g, "hostedApi", e.hostedApi());
        decimal(g, "coldStartMs", e.coldStartMs());
        decimal(g, "coldStartShare", e.coldStartShare());
        object(g, "ranges", i.ranges(), (r, p) -> {
            range(p, "tokensPerSecondPerAccelerator", r.tokensPerSecondPerAccelerator());
            range(p, "ttftMs", r.ttftMs());
            range(p, "tpotMs", r.tpotMs());
            range(p, "monthlyCostUsd", r.monthlyCostUsd());
            range(p, "costPerRequestUsd", r.costPerRequestUsd());
        });
        str(g, "tierFleet", i.tierFleet());
        array(g, "tiers", i.tiers(), (tier, p) -> {
            str(p, "name", tier.name());
            num(p, "share", tier.share());
            str(p, "model", tier.model());
            num(p, "ttftMs", tier.ttftMs());
            num(p, "tpotMs", tier.tpotMs());
            num(p, "accelerators", tier.accelerators());
            num(p, "monthlyCostUsd", tier.monthlyCostUsd());
            num(p, "costPerRequestUsd", tier.costPerRequestUsd());
            num(p, "premiumPercent", tier.premiumPercent());
        });
    }

}
