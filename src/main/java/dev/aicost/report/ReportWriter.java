package dev.aicost.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
                num(p, "totalUsd", b.totalUsd());
                num(p, "savingsUsd", b.savingsUsd());
                num(p, "savingsPercent", b.savingsPercent());
            });
            array(o, "assumptions", v.assumptions(), (a, p) -> {
                str(p, "name", a.name());
                str(p, "value", a.value());
                str(p, "reason", a.reason());
            });
            strings(o, "warnings", v.warnings());
            str(o, "summary", v.summary());
            o.writeFieldName(name("request"));
            tree(o, v.request());
            object(o, "actuals", v.actuals(), (a, p) -> {
                num(p, "months", a.months());
                num(p, "trainingUsd", a.trainingUsd());
                num(p, "inferenceUsd", a.inferenceUsd());
                num(p, "totalUsd", a.totalUsd());
                num(p, "inferenceShare", a.inferenceShare());
                decimal(p, "costPerRequestUsd", a.costPerRequestUsd());
                array(p, "variance", a.variance(), (m, q) -> {
                    num(q, "month", m.month());
                    num(q, "estimateUsd", m.estimateUsd());
                    num(q, "actualUsd", m.actualUsd());
                    decimal(q, "deltaPercent", m.deltaPercent());
                });
                num(p, "projectionFactor", a.projectionFactor());
                num(p, "projectedTotalUsd", a.projectedTotalUsd());
            });
        });
    }

    private static void model(ModelSummary m, JsonGenerator g) throws IOException {
        str(g, "id", m.id());
        str(g, "name", m.name());
        str(g, "kind", m.kind());
        num(g, "parameters", m.parameters());
        num(g, "activeParameters", m.activeParameters());
        bool(g, "mixtureOfExperts", m.mixtureOfExperts());
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
        num(g, "tokens", w.tokens());
        num(g, "flops", w.flops());
        num(g, "executedFlops", w.executedFlops());
        str(g, "accelerator", c.accelerator());
        str(g, "precision", c.precision());
        num(g, "accelerators", c.accelerators());
        num(g, "mfu", c.mfu());
        num(g, "goodput", c.goodput());
        num(g, "effectiveTflopsPerAccelerator", c.effectiveTflopsPerAccelerator());
        num(g, "acceleratorHours", d.acceleratorHours());
        num(g, "wallClockDays", d.wallClockDays());
        str(g, "pricingMode", pr.pricingMode());
        str(g, "offer", pr.offer());
        num(g, "pricePerAcceleratorHourUsd", pr.pricePerAcceleratorHourUsd());
        num(g, "costUsd", t.costUsd());
        object(g, "breakdown", t.breakdown(), (b, p) -> {
            num(p, "computeUsd", b.computeUsd());
            num(p, "restartOverheadUsd", b.restartOverheadUsd());
            num(p, "powerUsd", b.powerUsd());
            num(p, "experimentsUsd", b.experimentsUsd());
            num(p, "engineeringUsd", b.engineeringUsd());
        });
        num(g, "energyKwh", t.energy().energyKwh());
        num(g, "co2Tonnes", t.energy().co2Tonnes());
        object(g, "memoryPlan", t.memoryPlan(), (m, p) -> {
            num(p, "trainableParameters", m.trainableParameters());
            num(p, "bytesPerTrainableParameter", m.bytesPerTrainableParameter());
            num(p, "modelStatesGb", m.modelStatesGb());
            num(p, "activationsGbPerAccelerator", m.activationsGbPerAccelerator());
            num(p, "minAccelerators", m.minAccelerators());
            num(p, "tensorParallel", m.tensorParallel());
            str(p, "strategy", m.strategy());
            bool(p, "fits", m.fits());
        });
        object(g, "retraining", t.retraining(), (r, p) -> {
            num(p, "everyMonths", r.everyMonths());
            num(p, "tokens", r.tokens());
            num(p, "acceleratorHours", r.acceleratorHours());
            num(p, "costPerRunUsd", r.costPerRunUsd());
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
            num(p, "p10", v.p10());
            num(p, "p90", v.p90());
        });
    }

    private static void inference(InferenceReport i, JsonGenerator g) throws IOException {
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

    private static void owned(JsonGenerator g, OwnedCost o) throws IOException {
        object(g, "ownedCost", o, (c, p) -> {
            num(p, "purchaseUsd", c.purchaseUsd());
            num(p, "lifeYears", c.lifeYears());
            num(p, "costOfCapitalPerYear", c.costOfCapitalPerYear());
            num(p, "utilization", c.utilization());
            num(p, "acceleratorCapitalPerHourUsd", c.acceleratorCapitalPerHourUsd());
            num(p, "serverAndNetworkPerHourUsd", c.serverAndNetworkPerHourUsd());
            num(p, "financingPerHourUsd", c.financingPerHourUsd());
            num(p, "facilityPerHourUsd", c.facilityPerHourUsd());
            num(p, "powerPerHourUsd", c.powerPerHourUsd());
            num(p, "totalPerHourUsd", c.totalPerHourUsd());
        });
    }

    private static void lifecycle(LifecycleReport l, JsonGenerator g) throws IOException {
        num(g, "horizonMonths", l.horizonMonths());
        array(g, "months", l.months(), (m, p) -> {
            num(p, "month", m.month());
            num(p, "trainingUsd", m.trainingUsd());
            num(p, "inferenceUsd", m.inferenceUsd());
            num(p, "totalUsd", m.totalUsd());
            num(p, "cumulativeTrainingUsd", m.cumulativeTrainingUsd());
            num(p, "cumulativeInferenceUsd", m.cumulativeInferenceUsd());
            num(p, "cumulativeUsd", m.cumulativeUsd());
            num(p, "requestsPerDay", m.requestsPerDay());
        });
        num(g, "trainingUsd", l.trainingUsd());
        num(g, "inferenceUsd", l.inferenceUsd());
        num(g, "totalUsd", l.totalUsd());
        num(g, "inferenceShare", l.inferenceShare());
        integer(g, "breakEvenMonth", l.breakEvenMonth());
        decimal(g, "monthlyBudgetUsd", l.monthlyBudgetUsd());
        integer(g, "budgetExceededMonth", l.budgetExceededMonth());
        object(g, "scale", l.scale(), (s, p) -> {
            num(p, "currentMonthlyUsd", s.currentMonthlyUsd());
            num(p, "x10MonthlyUsd", s.x10MonthlyUsd());
            num(p, "x100MonthlyUsd", s.x100MonthlyUsd());
        });
        object(g, "ranges", l.ranges(), (r, p) -> range(p, "totalUsd", r.totalUsd()));
        object(g, "breakEvenMonthRange", l.breakEvenMonthRange(), (m, p) -> {
            num(p, "earliest", m.earliest());
            integer(p, "latest", m.latest());
        });
        array(g, "versions", l.versions(), (v, p) -> {
            num(p, "version", v.version());
            num(p, "fromMonth", v.fromMonth());
            num(p, "toMonth", v.toMonth());
            num(p, "trainingUsd", v.trainingUsd());
            num(p, "inferenceUsd", v.inferenceUsd());
            num(p, "requests", v.requests());
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
        bool(g, "applicable", o.applicable());
        str(g, "change", o.change());
        num(g, "savingsUsd", o.savingsUsd());
        num(g, "savingsPercent", o.savingsPercent());
        str(g, "tradeOff", o.tradeOff());
        str(g, "notApplicableReason", o.notApplicableReason());
        str(g, "requestPatch", o.requestPatch());
        g.writeFieldName(name("requestMergePatch"));
        tree(g, o.requestMergePatch());
    }

    private static <T> void body(T value, JsonGenerator g, Body<T> body) throws IOException {
        g.writeStartObject();
        body.write(value, g);
        g.writeEndObject();
    }

    /** A nested object field, or null. */
    private static <T> void object(JsonGenerator g, String name, T value, Body<T> body) throws IOException {
        g.writeFieldName(name(name));
        if (value == null) {
            g.writeNull();
        } else {
            body(value, g, body);
        }
    }

    /** An array field of objects, or null. */
    private static <T> void array(JsonGenerator g, String name, List<T> values, Body<T> body) throws IOException {
        g.writeFieldName(name(name));
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
        g.writeFieldName(name(name));
        if (value == null) {
            g.writeNull();
        } else {
            text(g, value);
        }
    }

    private static void integer(JsonGenerator g, String name, Integer value) throws IOException {
        g.writeFieldName(name(name));
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.intValue());
        }
    }

    private static void decimal(JsonGenerator g, String name, Double value) throws IOException {
        g.writeFieldName(name(name));
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.doubleValue());
        }
    }

    private static void num(JsonGenerator g, String name, double value) throws IOException {
        g.writeFieldName(name(name));
        g.writeNumber(value);
    }

    private static void num(JsonGenerator g, String name, int value) throws IOException {
        g.writeFieldName(name(name));
        g.writeNumber(value);
    }

    private static void bool(JsonGenerator g, String name, boolean value) throws IOException {
        g.writeFieldName(name(name));
        g.writeBoolean(value);
    }

    private static final Map<String, SerializableString> NAMES = new ConcurrentHashMap<>();

    /**
     * A field name as Jackson's pre-quoted UTF-8 bytes, made once per name: the generator then copies
     * them instead of encoding the name character by character (on C1, Lambda's compiler, a
     * String.charAt call each), which had been a third of writing a report.
     */
    private static SerializableString name(String name) {
        SerializableString s = NAMES.get(name);
        if (s == null) {
            s = new SerializedString(name);
            NAMES.put(name, s);
        }
        return s;
    }

    /**
     * A string value, given to the generator as UTF-8 bytes that it escapes with array reads, rather
     * than as a String it reads through a C1-compiled charAt call per character: the same bytes. Text
     * with characters beyond the BMP goes the String way (Jackson writes each as an escaped surrogate
     * pair), and so does every string for a char-writing generator. An unpaired surrogate would come
     * out as '?' (UTF-8 has no form for it), but requests with one are refused (see Unicode).
     */
    private static void text(JsonGenerator g, String value) throws IOException {
        if (g instanceof UTF8JsonGenerator) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            if (utf8.length == value.length() || !beyondBmp(utf8)) { // equal lengths: ASCII only
                g.writeUTF8String(utf8, 0, utf8.length);
                return;
            }
        }
        g.writeString(value);
    }

    /** Whether UTF-8 text holds a 4-byte sequence (a character beyond the BMP). */
    private static boolean beyondBmp(byte[] utf8) {
        for (byte b : utf8) {
            if ((b & 0xF8) == 0xF0) {
                return true;
            }
        }
        return false;
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeFieldName(name(name));
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (String v : values) {
            text(g, v);
        }
        g.writeEndArray();
    }
}
