package dev.aicost.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

import static dev.aicost.report.JsonFields.*;

/**
 * Writes a {@link CostReport} as JSON by hand, field by field in declaration order: exactly what
 * Jackson's reflective record serialisation writes (a test compares the two), without the ~30 ms
 * of introspection a cold JVM pays on the first request, and without reflection in a native image.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    public static void write(CostReport r, JsonGenerator g) throws IOException {
        body(r, g, (v, o) -> {
            str(o, "schemaVersion", v.schemaVersion());
            object(o, "model", v.model(), ReportWriter::model);
            object(o, "catalog", v.catalog(), (c, p) -> str(p, "asOf", c.asOf()));
            object(o, "training", v.training(), ReportWriter::training);
            object(o, "inference", v.inference(), InferenceWriter::inference);
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
            str(o, "understood", v.understood());
            strings(o, "ignored", v.ignored());
            array(o, "comparison", v.comparison(), (c, p) -> {
                str(p, "option", c.option());
                str(p, "understood", c.understood());
                p.writeFieldName(name("request"));
                tree(p, c.request());
                decimal(p, "monthlyCostUsd", c.monthlyCostUsd());
                decimal(p, "costPerRequestUsd", c.costPerRequestUsd());
                decimal(p, "ttftMs", c.ttftMs());
                decimal(p, "e2eMs", c.e2eMs());
                num(p, "lifetimeTotalUsd", c.lifetimeTotalUsd());
                num(p, "horizonMonths", c.horizonMonths());
                bool(p, "latencyTargetMet", c.latencyTargetMet());
                bool(p, "cheapest", c.cheapest());
            });
            object(o, "rental", v.rental(), (rent, p) -> {
                str(p, "accelerator", rent.accelerator());
                num(p, "accelerators", rent.accelerators());
                num(p, "hours", rent.hours());
                str(p, "pricingMode", rent.pricingMode());
                str(p, "offer", rent.offer());
                str(p, "provider", rent.provider());
                str(p, "instance", rent.instance());
                str(p, "region", rent.region());
                num(p, "acceleratorsPerInstance", rent.acceleratorsPerInstance());
                num(p, "instances", rent.instances());
                num(p, "billedAccelerators", rent.billedAccelerators());
                num(p, "billedHours", rent.billedHours());
                num(p, "pricePerAcceleratorHourUsd", rent.pricePerAcceleratorHourUsd());
                num(p, "costUsd", rent.costUsd());
                str(p, "source", rent.source());
                array(p, "offers", rent.offers(), (x, q) -> {
                    str(q, "offer", x.offer());
                    str(q, "provider", x.provider());
                    str(q, "instance", x.instance());
                    num(q, "instances", x.instances());
                    num(q, "pricePerAcceleratorHourUsd", x.pricePerAcceleratorHourUsd());
                    num(q, "costUsd", x.costUsd());
                });
                num(p, "cheapestUsd", rent.cheapestUsd());
                num(p, "dearestUsd", rent.dearestUsd());
            });
            object(o, "hostedApi", v.hostedApi(), (h, p) -> {
                str(p, "hostedApi", h.hostedApi());
                str(p, "provider", h.provider());
                str(p, "model", h.model());
                num(p, "requestsPerDay", h.requestsPerDay());
                num(p, "inputTokens", h.inputTokens());
                num(p, "outputTokens", h.outputTokens());
                num(p, "cacheHitRate", h.cacheHitRate());
                bool(p, "batch", h.batch());
                num(p, "costPerRequestUsd", h.costPerRequestUsd());
                num(p, "monthlyCostUsd", h.monthlyCostUsd());
                num(p, "monthlyGrowth", h.monthlyGrowth());
                num(p, "horizonMonths", h.horizonMonths());
                num(p, "totalUsd", h.totalUsd());
                str(p, "source", h.source());
            });
            object(o, "links", v.links(), (l, p) -> str(p, "html", l.html()));
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
        decimal(g, "commitmentsBeyondHorizonUsd", l.commitmentsBeyondHorizonUsd());
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
        strings(g, "preconditions", o.preconditions());
    }
}
