package dev.aicost.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/**
 * Writes a {@link CostReport} as JSON by hand, field by field in declaration order: exactly what
 * Jackson's reflective record serialisation writes (a test compares the two), without the ~30 ms
 * of introspection a cold JVM pays on the first request, and without reflection in a native image.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    public static void write(CostReport r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        str(g, "schemaVersion", r.schemaVersion());
        g.writeFieldName("model");
        model(r.model(), g);
        g.writeFieldName("catalog");
        if (r.catalog() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            str(g, "asOf", r.catalog().asOf());
            g.writeEndObject();
        }
        g.writeFieldName("training");
        training(r.training(), g);
        g.writeFieldName("inference");
        inference(r.inference(), g);
        g.writeFieldName("lifecycle");
        lifecycle(r.lifecycle(), g);
        g.writeFieldName("recommendation");
        if (r.recommendation() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            str(g, "focus", r.recommendation().focus());
            strings(g, "reasons", r.recommendation().reasons());
            g.writeEndObject();
        }
        g.writeFieldName("optimizations");
        if (r.optimizations() == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (Optimization o : r.optimizations()) {
                g.writeStartObject();
                str(g, "lever", o.lever());
                str(g, "phase", o.phase());
                g.writeBooleanField("applicable", o.applicable());
                str(g, "change", o.change());
                g.writeNumberField("savingsUsd", o.savingsUsd());
                g.writeNumberField("savingsPercent", o.savingsPercent());
                str(g, "tradeOff", o.tradeOff());
                str(g, "notApplicableReason", o.notApplicableReason());
                str(g, "requestPatch", o.requestPatch());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeFieldName("bestPlan");
        BestPlan b = r.bestPlan();
        if (b == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            strings(g, "levers", b.levers());
            g.writeNumberField("totalUsd", b.totalUsd());
            g.writeNumberField("savingsUsd", b.savingsUsd());
            g.writeNumberField("savingsPercent", b.savingsPercent());
            g.writeEndObject();
        }
        g.writeFieldName("assumptions");
        if (r.assumptions() == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (Assumption a : r.assumptions()) {
                g.writeStartObject();
                str(g, "name", a.name());
                str(g, "value", a.value());
                str(g, "reason", a.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        strings(g, "warnings", r.warnings());
        str(g, "summary", r.summary());
        g.writeEndObject();
    }

    private static void model(ModelSummary m, JsonGenerator g) throws IOException {
        if (m == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
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
        g.writeEndObject();
    }

    private static void training(TrainingReport t, JsonGenerator g) throws IOException {
        if (t == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        str(g, "kind", t.kind());
        g.writeNumberField("tokens", t.tokens());
        g.writeNumberField("flops", t.flops());
        g.writeNumberField("executedFlops", t.executedFlops());
        str(g, "accelerator", t.accelerator());
        str(g, "precision", t.precision());
        g.writeNumberField("accelerators", t.accelerators());
        g.writeNumberField("mfu", t.mfu());
        g.writeNumberField("goodput", t.goodput());
        g.writeNumberField("effectiveTflopsPerAccelerator", t.effectiveTflopsPerAccelerator());
        g.writeNumberField("acceleratorHours", t.acceleratorHours());
        g.writeNumberField("wallClockDays", t.wallClockDays());
        str(g, "pricingMode", t.pricingMode());
        str(g, "offer", t.offer());
        g.writeNumberField("pricePerAcceleratorHourUsd", t.pricePerAcceleratorHourUsd());
        g.writeNumberField("costUsd", t.costUsd());
        g.writeFieldName("breakdown");
        TrainingReport.TrainingBreakdown b = t.breakdown();
        g.writeStartObject();
        g.writeNumberField("computeUsd", b.computeUsd());
        g.writeNumberField("restartOverheadUsd", b.restartOverheadUsd());
        g.writeNumberField("powerUsd", b.powerUsd());
        g.writeNumberField("experimentsUsd", b.experimentsUsd());
        g.writeNumberField("engineeringUsd", b.engineeringUsd());
        g.writeEndObject();
        g.writeNumberField("energyKwh", t.energyKwh());
        g.writeNumberField("co2Tonnes", t.co2Tonnes());
        g.writeFieldName("memoryPlan");
        TrainingReport.MemoryPlan m = t.memoryPlan();
        g.writeStartObject();
        g.writeNumberField("trainableParameters", m.trainableParameters());
        g.writeNumberField("bytesPerTrainableParameter", m.bytesPerTrainableParameter());
        g.writeNumberField("modelStatesGb", m.modelStatesGb());
        g.writeNumberField("activationsGbPerAccelerator", m.activationsGbPerAccelerator());
        g.writeNumberField("minAccelerators", m.minAccelerators());
        g.writeNumberField("tensorParallel", m.tensorParallel());
        str(g, "strategy", m.strategy());
        g.writeBooleanField("fits", m.fits());
        g.writeEndObject();
        g.writeFieldName("retraining");
        TrainingReport.Retraining rt = t.retraining();
        if (rt == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeNumberField("everyMonths", rt.everyMonths());
            g.writeNumberField("tokens", rt.tokens());
            g.writeNumberField("acceleratorHours", rt.acceleratorHours());
            g.writeNumberField("costPerRunUsd", rt.costPerRunUsd());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void inference(InferenceReport i, JsonGenerator g) throws IOException {
        if (i == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        str(g, "accelerator", i.accelerator());
        str(g, "precision", i.precision());
        g.writeNumberField("tensorParallel", i.tensorParallel());
        g.writeNumberField("batchSize", i.batchSize());
        g.writeNumberField("maxBatchSize", i.maxBatchSize());
        str(g, "boundBy", i.boundBy());
        g.writeNumberField("tokensPerSecondPerAccelerator", i.tokensPerSecondPerAccelerator());
        g.writeNumberField("requestsPerSecondPerReplica", i.requestsPerSecondPerReplica());
        g.writeNumberField("ttftMs", i.ttftMs());
        g.writeNumberField("tpotMs", i.tpotMs());
        g.writeNumberField("e2eMs", i.e2eMs());
        g.writeBooleanField("latencyTargetMet", i.latencyTargetMet());
        g.writeNumberField("weightsGbPerAccelerator", i.weightsGbPerAccelerator());
        g.writeNumberField("kvCacheBytesPerToken", i.kvCacheBytesPerToken());
        g.writeNumberField("requestsPerDay", i.requestsPerDay());
        g.writeNumberField("servedRequestsPerDay", i.servedRequestsPerDay());
        g.writeNumberField("peakRequestsPerSecond", i.peakRequestsPerSecond());
        str(g, "scaling", i.scaling());
        g.writeNumberField("replicas", i.replicas());
        g.writeNumberField("accelerators", i.accelerators());
        g.writeNumberField("acceleratorHoursPerMonth", i.acceleratorHoursPerMonth());
        g.writeNumberField("utilization", i.utilization());
        str(g, "pricingMode", i.pricingMode());
        str(g, "offer", i.offer());
        g.writeNumberField("pricePerAcceleratorHourUsd", i.pricePerAcceleratorHourUsd());
        g.writeNumberField("monthlyCostUsd", i.monthlyCostUsd());
        g.writeNumberField("costPerRequestUsd", i.costPerRequestUsd());
        g.writeNumberField("costPerMillionInputTokensUsd", i.costPerMillionInputTokensUsd());
        g.writeNumberField("costPerMillionOutputTokensUsd", i.costPerMillionOutputTokensUsd());
        g.writeFieldName("routing");
        InferenceReport.RoutingReport r = i.routing();
        if (r == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeNumberField("share", r.share());
            str(g, "model", r.model());
            str(g, "accelerator", r.accelerator());
            str(g, "precision", r.precision());
            g.writeNumberField("tensorParallel", r.tensorParallel());
            g.writeNumberField("accelerators", r.accelerators());
            g.writeNumberField("ttftMs", r.ttftMs());
            g.writeNumberField("tpotMs", r.tpotMs());
            g.writeNumberField("monthlyCostUsd", r.monthlyCostUsd());
            g.writeEndObject();
        }
        g.writeFieldName("hostedApis");
        if (i.hostedApis() == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (InferenceReport.HostedApiComparison a : i.hostedApis()) {
                g.writeStartObject();
                str(g, "id", a.id());
                str(g, "provider", a.provider());
                str(g, "model", a.model());
                g.writeNumberField("monthlyCostUsd", a.monthlyCostUsd());
                g.writeNumberField("costPerRequestUsd", a.costPerRequestUsd());
                g.writeBooleanField("selfHostingCheaper", a.selfHostingCheaper());
                g.writeFieldName("breakEvenRequestsPerDay");
                if (a.breakEvenRequestsPerDay() == null) {
                    g.writeNull();
                } else {
                    g.writeNumber(a.breakEvenRequestsPerDay());
                }
                str(g, "source", a.source());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void lifecycle(LifecycleReport l, JsonGenerator g) throws IOException {
        if (l == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberField("horizonMonths", l.horizonMonths());
        g.writeFieldName("months");
        g.writeStartArray();
        for (LifecycleReport.Month m : l.months()) {
            g.writeStartObject();
            g.writeNumberField("month", m.month());
            g.writeNumberField("trainingUsd", m.trainingUsd());
            g.writeNumberField("inferenceUsd", m.inferenceUsd());
            g.writeNumberField("totalUsd", m.totalUsd());
            g.writeNumberField("cumulativeTrainingUsd", m.cumulativeTrainingUsd());
            g.writeNumberField("cumulativeInferenceUsd", m.cumulativeInferenceUsd());
            g.writeNumberField("cumulativeUsd", m.cumulativeUsd());
            g.writeNumberField("requestsPerDay", m.requestsPerDay());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("trainingUsd", l.trainingUsd());
        g.writeNumberField("inferenceUsd", l.inferenceUsd());
        g.writeNumberField("totalUsd", l.totalUsd());
        g.writeNumberField("inferenceShare", l.inferenceShare());
        integer(g, "breakEvenMonth", l.breakEvenMonth());
        g.writeFieldName("monthlyBudgetUsd");
        if (l.monthlyBudgetUsd() == null) {
            g.writeNull();
        } else {
            g.writeNumber(l.monthlyBudgetUsd());
        }
        integer(g, "budgetExceededMonth", l.budgetExceededMonth());
        g.writeFieldName("scale");
        LifecycleReport.Scale s = l.scale();
        if (s == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeNumberField("currentMonthlyUsd", s.currentMonthlyUsd());
            g.writeNumberField("x10MonthlyUsd", s.x10MonthlyUsd());
            g.writeNumberField("x100MonthlyUsd", s.x100MonthlyUsd());
            g.writeEndObject();
        }
        g.writeEndObject();
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
