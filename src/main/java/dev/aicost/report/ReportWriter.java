package dev.aicost.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link CostReport} as JSON by hand, field by field in declaration order: exactly what
 * Jackson's reflective record serialisation writes (a test compares the two), without the ~30 ms
 * of introspection a cold JVM pays on the first request, and without reflection in a native image.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** The fields of one JSON object. */
    private interface Body<T> {
        void write(T value, JsonGenerator g) throws IOException;
    }

    public static void write(CostReport r, JsonGenerator g) throws IOException {
        body(r, g, (v, o) -> {
            str(o, "schemaVersion", v.schemaVersion());
            object(o, "model", v.model(), ReportWriter::model);
            object(o, "catalog", v.catalog(), (c, p) -> str(p, "asOf", c.asOf()));
            object(o, "training", v.training(), ReportWriter::training);
            object(o, "inference", v.inference(), ReportWriter::inference);
            object(o, "lifecycle", v.lifecycle(), ReportWriter::lifecycle);
            object(o, "recommendation", v.recommendation(), (c, p) -> {
                str(p, "focus", c.focus());
                strings(p, "reasons", c.reasons());
            });
            array(o, "optimizations", v.optimizations(), ReportWriter::optimization);
            object(o, "bestPlan", v.bestPlan(), (b, p) -> {
                strings(p, "levers", b.levers());
                p.writeNumberField("totalUsd", b.totalUsd());
                p.writeNumberField("savingsUsd", b.savingsUsd());
                p.writeNumberField("savingsPercent", b.savingsPercent());
            });
            array(o, "assumptions", v.assumptions(), (a, p) -> {
                str(p, "name", a.name());
                str(p, "value", a.value());
                str(p, "reason", a.reason());
            });
            strings(o, "warnings", v.warnings());
            str(o, "summary", v.summary());
            o.writeFieldName("request");
            tree(o, v.request());
            object(o, "actuals", v.actuals(), (a, p) -> {
                p.writeNumberField("months", a.months());
                p.writeNumberField("trainingUsd", a.trainingUsd());
                p.writeNumberField("inferenceUsd", a.inferenceUsd());
                p.writeNumberField("totalUsd", a.totalUsd());
                p.writeNumberField("inferenceShare", a.inferenceShare());
                decimal(p, "costPerRequestUsd", a.costPerRequestUsd());
                array(p, "variance", a.variance(), (m, q) -> {
                    q.writeNumberField("month", m.month());
                    q.writeNumberField("estimateUsd", m.estimateUsd());
                    q.writeNumberField("actualUsd", m.actualUsd());
                    decimal(q, "deltaPercent", m.deltaPercent());
                });
                p.writeNumberField("projectionFactor", a.projectionFactor());
                p.writeNumberField("projectedTotalUsd", a.projectedTotalUsd());
            });
        });
    }

    private static void model(ModelSummary m, JsonGenerator g) throws IOException {
        str(g, "id", m.id());
        str(g, "name", m.name());
        str(g, "kind", m.kind());
        g.writeNumberField("parameters", m.parameters());
        g.writeNumberField("activeParameters", m.activeParameters());
        g.writeBooleanField("mixtureOfExperts", m.mixtureOfExperts());
        integer(g, "layers", m.layers());
        integer(g, "hiddenSize", m.hiddenSize());
        integer(g, "kvHeads", m.kvHeads());
        integer(g, "headDim", m.headDim());
        integer(g, "contextLength", m.contextLength());
    }

    private static void training(TrainingReport t, JsonGenerator g) throws IOException {
        TrainingReport.Work w = t.work();
        TrainingReport.Cluster c = t.cluster();
        TrainingReport.Duration d = t.duration();
        TrainingReport.Pricing pr = t.pricing();
        str(g, "kind", t.kind());
        g.writeNumberField("tokens", w.tokens());
        g.writeNumberField("flops", w.flops());
        g.writeNumberField("executedFlops", w.executedFlops());
        str(g, "accelerator", c.accelerator());
        str(g, "precision", c.precision());
        g.writeNumberField("accelerators", c.accelerators());
        g.writeNumberField("mfu", c.mfu());
        g.writeNumberField("goodput", c.goodput());
        g.writeNumberField("effectiveTflopsPerAccelerator", c.effectiveTflopsPerAccelerator());
        g.writeNumberField("acceleratorHours", d.acceleratorHours());
        g.writeNumberField("wallClockDays", d.wallClockDays());
        str(g, "pricingMode", pr.pricingMode());
        str(g, "offer", pr.offer());
        g.writeNumberField("pricePerAcceleratorHourUsd", pr.pricePerAcceleratorHourUsd());
        g.writeNumberField("costUsd", t.costUsd());
        object(g, "breakdown", t.breakdown(), (b, p) -> {
            p.writeNumberField("computeUsd", b.computeUsd());
            p.writeNumberField("restartOverheadUsd", b.restartOverheadUsd());
            p.writeNumberField("powerUsd", b.powerUsd());
            p.writeNumberField("experimentsUsd", b.experimentsUsd());
            p.writeNumberField("engineeringUsd", b.engineeringUsd());
        });
        g.writeNumberField("energyKwh", t.energy().energyKwh());
        g.writeNumberField("co2Tonnes", t.energy().co2Tonnes());
        object(g, "memoryPlan", t.memoryPlan(), (m, p) -> {
            p.writeNumberField("trainableParameters", m.trainableParameters());
            p.writeNumberField("bytesPerTrainableParameter", m.bytesPerTrainableParameter());
            p.writeNumberField("modelStatesGb", m.modelStatesGb());
            p.writeNumberField("activationsGbPerAccelerator", m.activationsGbPerAccelerator());
            p.writeNumberField("minAccelerators", m.minAccelerators());
            p.writeNumberField("tensorParallel", m.tensorParallel());
            str(p, "strategy", m.strategy());
            p.writeBooleanField("fits", m.fits());
        });
        object(g, "retraining", t.retraining(), (r, p) -> {
            p.writeNumberField("everyMonths", r.everyMonths());
            p.writeNumberField("tokens", r.tokens());
            p.writeNumberField("acceleratorHours", r.acceleratorHours());
            p.writeNumberField("costPerRunUsd", r.costPerRunUsd());
        });
        owned(g, t.ownedCost());
        object(g, "ranges", t.ranges(), (r, p) -> {
            range(p, "acceleratorHours", r.acceleratorHours());
            range(p, "wallClockDays", r.wallClockDays());
            range(p, "costUsd", r.costUsd());
        });
    }

    private static void range(JsonGenerator g, String name, Range r) throws IOException {
        object(g, name, r, (v, p) -> {
            p.writeNumberField("p10", v.p10());
            p.writeNumberField("p90", v.p90());
        });
    }

    private static void inference(InferenceReport i, JsonGenerator g) throws IOException {
        str(g, "accelerator", i.accelerator());
        str(g, "precision", i.precision());
        InferenceReport.OperatingPoint op = i.point();
        InferenceReport.Traffic t = i.traffic();
        InferenceReport.FleetSize f = i.fleet();
        InferenceReport.Cost m = i.cost();
        g.writeNumberField("tensorParallel", op.tensorParallel());
        g.writeNumberField("batchSize", op.batchSize());
        g.writeNumberField("maxBatchSize", op.maxBatchSize());
        str(g, "boundBy", op.boundBy());
        g.writeNumberField("tokensPerSecondPerAccelerator", op.tokensPerSecondPerAccelerator());
        g.writeNumberField("requestsPerSecondPerReplica", op.requestsPerSecondPerReplica());
        g.writeNumberField("ttftMs", op.ttftMs());
        g.writeNumberField("tpotMs", op.tpotMs());
        g.writeNumberField("e2eMs", op.e2eMs());
        g.writeBooleanField("latencyTargetMet", op.latencyTargetMet());
        g.writeNumberField("weightsGbPerAccelerator", op.weightsGbPerAccelerator());
        g.writeNumberField("kvCacheBytesPerToken", op.kvCacheBytesPerToken());
        g.writeNumberField("requestsPerDay", t.requestsPerDay());
        g.writeNumberField("servedRequestsPerDay", t.servedRequestsPerDay());
        g.writeNumberField("peakRequestsPerSecond", t.peakRequestsPerSecond());
        str(g, "scaling", f.scaling());
        g.writeNumberField("replicas", f.replicas());
        g.writeNumberField("accelerators", f.accelerators());
        g.writeNumberField("acceleratorHoursPerMonth", f.acceleratorHoursPerMonth());
        g.writeNumberField("utilization", f.utilization());
        str(g, "pricingMode", m.pricingMode());
        str(g, "offer", m.offer());
        g.writeNumberField("pricePerAcceleratorHourUsd", m.pricePerAcceleratorHourUsd());
        g.writeNumberField("monthlyCostUsd", m.monthlyCostUsd());
        g.writeNumberField("costPerRequestUsd", m.costPerRequestUsd());
        g.writeNumberField("costPerMillionInputTokensUsd", m.costPerMillionInputTokensUsd());
        g.writeNumberField("costPerMillionOutputTokensUsd", m.costPerMillionOutputTokensUsd());
        object(g, "routing", i.routing(), (r, p) -> {
            p.writeNumberField("share", r.share());
            str(p, "model", r.model());
            str(p, "accelerator", r.accelerator());
            str(p, "precision", r.precision());
            p.writeNumberField("tensorParallel", r.tensorParallel());
            p.writeNumberField("accelerators", r.accelerators());
            p.writeNumberField("ttftMs", r.ttftMs());
            p.writeNumberField("tpotMs", r.tpotMs());
            p.writeNumberField("monthlyCostUsd", r.monthlyCostUsd());
        });
        array(g, "hostedApis", i.hostedApis(), (a, p) -> {
            str(p, "id", a.id());
            str(p, "provider", a.provider());
            str(p, "model", a.model());
            p.writeNumberField("monthlyCostUsd", a.monthlyCostUsd());
            p.writeNumberField("costPerRequestUsd", a.costPerRequestUsd());
            p.writeBooleanField("selfHostingCheaper", a.selfHostingCheaper());
            decimal(p, "breakEvenRequestsPerDay", a.breakEvenRequestsPerDay());
            str(p, "source", a.source());
            p.writeBooleanField("sameModel", a.sameModel());
        });
        InferenceReport.Economics e = i.economics();
        str(g, "workload", e.workload());
        g.writeNumberField("fleetMonthlyCostUsd", e.fleetMonthlyCostUsd());
        g.writeNumberField("operationsMonthlyCostUsd", e.operationsMonthlyCostUsd());
        object(g, "capacity", e.capacity(), (c, p) -> {
            str(p, "committedPricingMode", c.committedPricingMode());
            p.writeNumberField("committedAccelerators", c.committedAccelerators());
            p.writeNumberField("committedUsd", c.committedUsd());
            str(p, "burstPricingMode", c.burstPricingMode());
            p.writeNumberField("burstPricePerAcceleratorHourUsd", c.burstPricePerAcceleratorHourUsd());
            p.writeNumberField("burstAcceleratorHoursPerMonth", c.burstAcceleratorHoursPerMonth());
            p.writeNumberField("burstUsd", c.burstUsd());
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
            p.writeNumberField("share", tier.share());
            str(p, "model", tier.model());
            p.writeNumberField("ttftMs", tier.ttftMs());
            p.writeNumberField("tpotMs", tier.tpotMs());
            p.writeNumberField("accelerators", tier.accelerators());
            p.writeNumberField("monthlyCostUsd", tier.monthlyCostUsd());
            p.writeNumberField("costPerRequestUsd", tier.costPerRequestUsd());
            p.writeNumberField("premiumPercent", tier.premiumPercent());
        });
    }

    private static void owned(JsonGenerator g, OwnedCost o) throws IOException {
        object(g, "ownedCost", o, (c, p) -> {
            p.writeNumberField("purchaseUsd", c.purchaseUsd());
            p.writeNumberField("lifeYears", c.lifeYears());
            p.writeNumberField("costOfCapitalPerYear", c.costOfCapitalPerYear());
            p.writeNumberField("utilization", c.utilization());
            p.writeNumberField("acceleratorCapitalPerHourUsd", c.acceleratorCapitalPerHourUsd());
            p.writeNumberField("serverAndNetworkPerHourUsd", c.serverAndNetworkPerHourUsd());
            p.writeNumberField("financingPerHourUsd", c.financingPerHourUsd());
            p.writeNumberField("facilityPerHourUsd", c.facilityPerHourUsd());
            p.writeNumberField("powerPerHourUsd", c.powerPerHourUsd());
            p.writeNumberField("totalPerHourUsd", c.totalPerHourUsd());
        });
    }

    private static void lifecycle(LifecycleReport l, JsonGenerator g) throws IOException {
        g.writeNumberField("horizonMonths", l.horizonMonths());
        array(g, "months", l.months(), (m, p) -> {
            p.writeNumberField("month", m.month());
            p.writeNumberField("trainingUsd", m.trainingUsd());
            p.writeNumberField("inferenceUsd", m.inferenceUsd());
            p.writeNumberField("totalUsd", m.totalUsd());
            p.writeNumberField("cumulativeTrainingUsd", m.cumulativeTrainingUsd());
            p.writeNumberField("cumulativeInferenceUsd", m.cumulativeInferenceUsd());
            p.writeNumberField("cumulativeUsd", m.cumulativeUsd());
            p.writeNumberField("requestsPerDay", m.requestsPerDay());
        });
        g.writeNumberField("trainingUsd", l.trainingUsd());
        g.writeNumberField("inferenceUsd", l.inferenceUsd());
        g.writeNumberField("totalUsd", l.totalUsd());
        g.writeNumberField("inferenceShare", l.inferenceShare());
        integer(g, "breakEvenMonth", l.breakEvenMonth());
        decimal(g, "monthlyBudgetUsd", l.monthlyBudgetUsd());
        integer(g, "budgetExceededMonth", l.budgetExceededMonth());
        object(g, "scale", l.scale(), (s, p) -> {
            p.writeNumberField("currentMonthlyUsd", s.currentMonthlyUsd());
            p.writeNumberField("x10MonthlyUsd", s.x10MonthlyUsd());
            p.writeNumberField("x100MonthlyUsd", s.x100MonthlyUsd());
        });
        object(g, "ranges", l.ranges(), (r, p) -> range(p, "totalUsd", r.totalUsd()));
        object(g, "breakEvenMonthRange", l.breakEvenMonthRange(), (m, p) -> {
            p.writeNumberField("earliest", m.earliest());
            integer(p, "latest", m.latest());
        });
        array(g, "versions", l.versions(), (v, p) -> {
            p.writeNumberField("version", v.version());
            p.writeNumberField("fromMonth", v.fromMonth());
            p.writeNumberField("toMonth", v.toMonth());
            p.writeNumberField("trainingUsd", v.trainingUsd());
            p.writeNumberField("inferenceUsd", v.inferenceUsd());
            p.writeNumberField("requests", v.requests());
            decimal(p, "costPerThousandRequestsUsd", v.costPerThousandRequestsUsd());
            decimal(p, "revenueUsd", v.revenueUsd());
            decimal(p, "marginUsd", v.marginUsd());
        });
        decimal(g, "revenueUsd", l.revenueUsd());
        decimal(g, "marginUsd", l.marginUsd());
        integer(g, "paybackMonth", l.paybackMonth());
    }

    private static void optimization(Optimization o, JsonGenerator g) throws IOException {
        str(g, "lever", o.lever());
        str(g, "phase", o.phase());
        g.writeBooleanField("applicable", o.applicable());
        str(g, "change", o.change());
        g.writeNumberField("savingsUsd", o.savingsUsd());
        g.writeNumberField("savingsPercent", o.savingsPercent());
        str(g, "tradeOff", o.tradeOff());
        str(g, "notApplicableReason", o.notApplicableReason());
        str(g, "requestPatch", o.requestPatch());
        g.writeFieldName("requestMergePatch");
        tree(g, o.requestMergePatch());
    }

    private static <T> void body(T value, JsonGenerator g, Body<T> body) throws IOException {
        g.writeStartObject();
        body.write(value, g);
        g.writeEndObject();
    }

    /** A nested object field, or null. */
    private static <T> void object(JsonGenerator g, String name, T value, Body<T> body) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            body(value, g, body);
        }
    }

    /** An array field of objects, or null. */
    private static <T> void array(JsonGenerator g, String name, List<T> values, Body<T> body) throws IOException {
        g.writeFieldName(name);
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (T v : values) {
            body(v, g, body);
        }
        g.writeEndArray();
    }

    /** A JSON tree (a lever's merge patch: objects, strings, numbers, booleans and nulls). */
    private static void tree(JsonGenerator g, JsonNode node) throws IOException {
        if (node == null || node.isNull()) {
            g.writeNull();
        } else if (node.isObject()) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                g.writeFieldName(e.getKey());
                tree(g, e.getValue());
            }
            g.writeEndObject();
        } else if (node.isTextual()) {
            g.writeString(node.textValue());
        } else if (node.isBoolean()) {
            g.writeBoolean(node.booleanValue());
        } else if (node.isIntegralNumber()) {
            g.writeNumber(node.longValue());
        } else if (node.isNumber()) {
            g.writeNumber(node.doubleValue());
        } else {
            throw new IllegalArgumentException("a merge patch holds no " + node.getNodeType());
        }
    }

    private static void str(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }

    private static void integer(JsonGenerator g, String name, Integer value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value.intValue());
        }
    }

    private static void decimal(JsonGenerator g, String name, Double value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value.doubleValue());
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeFieldName(name);
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
