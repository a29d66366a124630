package dev.aicost.engine;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.EnergyProfile;
import dev.aicost.catalog.ModelKind;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.catalog.Precision;
import dev.aicost.catalog.PricingMode;
import dev.aicost.report.InferenceReport;
import dev.aicost.report.InferenceReport.HostedApiComparison;
import dev.aicost.report.InferenceReport.RoutingReport;
import dev.aicost.request.InferenceInput;
import dev.aicost.request.InferenceInput.Scaling;
import java.util.List;

/**
 * Serving: picks the replica that carries the most traffic per accelerator within the latency
 * targets ({@link ReplicaChoice}), sizes the fleet for the peak or the daily shape ({@link Fleet}),
 * prices it, and compares it with buying the same tokens from hosted APIs ({@link HostedApis}).
 */
final class InferenceEstimator {
    static final int DEFAULT_INPUT_TOKENS = 500;
    static final int DEFAULT_OUTPUT_TOKENS = 250;
    static final double DEFAULT_PEAK_TO_AVERAGE = 2.0;

    private final Hardware hardware;
    private final ModelResolver models;
    private final DailyShape days = new DailyShape();

    InferenceEstimator(Hardware hardware, ModelResolver models) {
        this.hardware = hardware;
        this.models = models;
    }

    /** The report section plus the typed facts the lifecycle and the advisor work from. */
    record Result(InferenceReport report, Fleet fleet, Accelerator accelerator, Precision precision,
            Scaling scaling, PricingMode pricingMode, boolean latencyTargetMet) {
    }

    /**
     * @param traffic requests per day in each serving month of the horizon (growth applied): the
     *        replica shape is chosen for the whole profile, so a tighter target never costs less.
     */
    Result estimate(ModelSpec model, InferenceInput in, EnergyProfile energy, String path, boolean withApis,
            double[] traffic, Notes notes) {
        boolean llm = model.kind() == ModelKind.LLM;
        Accelerator acc = hardware.resolve(in.accelerator(), llm ? "h100-sxm" : "l4", path + ".accelerator", llm
                ? "the most widely deployed data-centre accelerator for LLM serving"
                : "a small inference accelerator, enough for a non-LLM model", notes);
        Precision precision = notes.orDefault(in.precision(), Precision.BF16, path + ".precision",
                "unquantised 16-bit weights");
        int input = llm ? notes.orDefault(in.inputTokens(), DEFAULT_INPUT_TOKENS, path + ".inputTokens",
                "a typical chat prompt with its context") : 1;
        int output = llm ? notes.orDefault(in.outputTokens(), DEFAULT_OUTPUT_TOKENS, path + ".outputTokens",
                "a typical chat answer") : 1;
        if (llm && input + output > model.contextLength()) {
            notes.warn(() -> path + ": " + input + " input + " + output + " output tokens exceed " + model.name()
                    + "'s context window of " + model.contextLength() + " tokens.");
        }
        double prefixHit = in.prefixCacheHitRate() != null ? in.prefixCacheHitRate() : 0.0;
        Fleet.Workload workload = workload(in, path, notes);

        ReplicaChoice.Shape shape = new ReplicaChoice.Shape(input, output, prefixHit, in.latencyTargetMs(),
                in.batchSize());
        ReplicaChoice choice = ReplicaChoice.choose(model, acc, precision, in.tensorParallel(), shape, workload,
                traffic, path, notes);
        ServingModel replica = choice.replica();
        if (replica.computeFallback) {
            notes.warn(() -> acc.id() + " has no native " + precision.wireName() + " tensor cores: weights are stored "
                    + "in " + precision.wireName() + " but computed at the bf16 rate.");
        }
        ServingModel.Point point = choice.point();
        choice.explain(in.batchSize(), in.latencyTargetMs(), path, notes);
        boolean met = ReplicaChoice.meets(point, in.latencyTargetMs());

        PricingMode mode = notes.orDefault(in.pricingMode(), PricingMode.ON_DEMAND, path + ".pricingMode",
                "on-demand list price");
        Hardware.Price price = hardware.price(acc, mode, in.offer(), in.pricePerAcceleratorHourUsd(),
                in.accelerator() == null ? null : in.accelerator().pricePerHourUsd(), Hardware.DEFAULT_LIFE_YEARS,
                energy, path, notes);

        Result routed = in.routing() == null ? null : routed(in, precision, workload, energy, traffic, path, notes);
        Fleet fleet = new Fleet(replica, point, workload, price.perHourUsd(), routed == null ? null : routed.fleet());
        double rpd = in.requestsPerDay();
        double served = rpd * workload.servedShare();
        double hours = fleet.acceleratorHoursPerMonth(rpd);
        int replicas = fleet.peakReplicas(rpd);
        double own = fleet.ownCostUsd(rpd);
        double monthly = fleet.monthlyCostUsd(rpd);
        double capacityRps = hours / replica.tp / Num.HOURS_PER_MONTH * point.requestsPerSecond();
        double utilization = Math.min(1.0, served / Num.SECONDS_PER_DAY / capacityRps);
        if (replicas <= workload.minReplicas() && utilization < 0.3) {
            notes.warn(() -> path + ": the fleet is mostly idle (" + Math.round(utilization * 100) + " % utilised): "
                    + "the traffic needs less than one replica; a smaller accelerator, scale-to-zero or a hosted API "
                    + "may be cheaper.");
        }
        double servedPerMonth = served * Num.DAYS_PER_MONTH;
        double inputPerMillion = llm ? own * point.prefillShare() / (servedPerMonth * input) * 1e6 : 0;
        double outputPerMillion = llm ? own * (1 - point.prefillShare()) / (servedPerMonth * output) * 1e6 : 0;
        double tokensPerSecondPerAccelerator = llm ? point.requestsPerSecond() * output / replica.tp : 0;

        List<HostedApiComparison> apis = llm && withApis ? HostedApis.compare(hardware.catalog(), fleet,
                new HostedApis.Workload(rpd, input, output, workload.cacheHitRate(), prefixHit), monthly, path, notes)
                : List.of();

        var op = new InferenceReport.OperatingPoint(replica.tp, point.batch(), replica.maxBatch(),
                point.memoryBound() ? "memory-bandwidth" : "compute", Num.sig(tokensPerSecondPerAccelerator),
                Num.sig(point.requestsPerSecond()), Num.sig(point.ttftMs()), Num.sig(point.tpotMs()),
                Num.sig(point.e2eMs()), met, Num.sig(replica.weightsBytes / replica.tp / 1e9),
                (double) Math.round(replica.kvBytesPerToken));
        var load = new InferenceReport.Traffic(Num.sig(rpd), Num.sig(served),
                Num.sig(served / Num.SECONDS_PER_DAY * workload.peakToAverage()));
        var size = new InferenceReport.FleetSize(workload.scaling().wireName(), replicas, replicas * replica.tp,
                Num.sig(hours), Num.sig(utilization));
        var cost = new InferenceReport.Cost(mode.wireName(), price.offer(), Num.money(price.perHourUsd()),
                Num.money(monthly), Num.money(monthly / (rpd * Num.DAYS_PER_MONTH)), Num.money(inputPerMillion),
                Num.money(outputPerMillion));
        RoutingReport routing = routed == null ? null : routingReport(in, routed, fleet);
        InferenceReport report = new InferenceReport(acc.id(), precision.wireName(), op, load, size, cost, routing,
                apis);
        return new Result(report, fleet, acc, precision, workload.scaling(), mode, met);
    }

    /** The daily shape, scaling, minimum replicas, cache and routing the fleet is sized for. */
    private Fleet.Workload workload(InferenceInput in, String path, Notes notes) {
        double[] shape;
        double peakToAverage;
        if (in.hourlyShape() != null) {
            shape = DailyShape.normalised(in.hourlyShape());
            peakToAverage = DailyShape.max(shape);
            notes.assume(path + ".peakToAverage", Num.shown(peakToAverage), () -> "from the request's hourlyShape"
                    + (in.peakToAverage() != null ? " (the shape wins over the peakToAverage of "
                            + Num.show(in.peakToAverage()) + " also given)" : ""));
        } else {
            peakToAverage = in.peakToAverage() != null ? in.peakToAverage() : DEFAULT_PEAK_TO_AVERAGE;
            if (in.peakToAverage() == null) {
                notes.assume(path + ".peakToAverage", Num.shown(peakToAverage), "daily peak over the average "
                        + "for user-facing traffic (busiest hour ≈ 2× the daily mean)");
            }
            shape = days.smooth(peakToAverage);
        }
        Scaling scaling = notes.orDefault(in.scaling(), Scaling.ALWAYS_ON, path + ".scaling",
                "a 24/7 fleet sized for the daily peak");
        return new Fleet.Workload(peakToAverage, shape, scaling, in.minReplicas() != null ? in.minReplicas() : 1,
                in.cacheHitRate() != null ? in.cacheHitRate() : 0.0, in.routing() != null ? in.routing().share() : 0);
    }

    /** The routed share, estimated as its own workload on its own (or the main) accelerator. */
    private Result routed(InferenceInput in, Precision precision, Fleet.Workload workload, EnergyProfile energy,
            double[] traffic, String path, Notes notes) {
        InferenceInput.Routing r = in.routing();
        ModelSpec small = models.resolve(r.model(), path + ".routing.model", notes);
        double share = (1 - workload.cacheHitRate()) * workload.routedShare();
        double[] routedTraffic = new double[traffic.length];
        for (int m = 0; m < traffic.length; m++) {
            routedTraffic[m] = traffic[m] * share;
        }
        InferenceInput smallInput = in.routedShare(in.requestsPerDay() * share,
                r.accelerator() != null ? r.accelerator() : in.accelerator(),
                r.precision() != null ? r.precision() : precision, r.tensorParallel(), workload.scaling());
        return estimate(small, smallInput, energy, path + ".routing", false, routedTraffic, notes);
    }

    private static RoutingReport routingReport(InferenceInput in, Result routed, Fleet fleet) {
        Fleet.Workload w = fleet.workload();
        double rpd = in.requestsPerDay() * (1 - w.cacheHitRate()) * w.routedShare();
        InferenceReport r = routed.report();
        ModelSpec small = routed.fleet().replica().model;
        return new RoutingReport(w.routedShare(), small.id().equals("custom") ? small.name() : small.id(),
                r.accelerator(), r.precision(), r.point().tensorParallel(),
                routed.fleet().replica().tp * routed.fleet().peakReplicas(rpd), r.point().ttftMs(), r.point().tpotMs(),
                Num.money(routed.fleet().ownCostUsd(rpd)));
    }
}
