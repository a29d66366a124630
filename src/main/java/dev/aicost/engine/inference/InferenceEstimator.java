package dev.aicost.engine.inference;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.EnergyProfile;
import dev.aicost.catalog.HostedApi;
import dev.aicost.catalog.ModelError;
import dev.aicost.catalog.Offer;
import dev.aicost.catalog.ModelKind;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.catalog.Precision;
import dev.aicost.catalog.PricingMode;
import dev.aicost.catalog.ServerlessOffer;
import dev.aicost.engine.billing.Fleet;
import dev.aicost.engine.billing.HostedApis;
import dev.aicost.engine.core.Hardware;
import dev.aicost.engine.core.ModelResolver;
import dev.aicost.engine.core.Notes;
import dev.aicost.engine.core.Num;
import dev.aicost.engine.serving.ServingModel;
import dev.aicost.report.InferenceReport.HostedApiComparison;
import dev.aicost.report.InferenceReport.RoutingReport;
import dev.aicost.report.InferenceReport;
import dev.aicost.report.Money;
import dev.aicost.request.InferenceInput.LatencyTarget;
import dev.aicost.request.InferenceInput.Scaling;
import dev.aicost.request.InferenceInput.Workload;
import dev.aicost.request.InferenceInput;
import dev.aicost.request.InferenceInput.Stack;
import dev.aicost.request.InvalidRequestException;
import java.util.List;

/**
 * Serving: picks the replica that carries the most traffic per accelerator within the latency
 * targets ({@link ReplicaChoice}), sizes the fleet for the peak or the daily shape ({@link Fleet}),
 * prices it, and compares it with buying the same tokens from hosted APIs ({@link HostedApis}).
 */
public final class InferenceEstimator {

    static final int DEFAULT_INPUT_TOKENS = 500;
    static final int DEFAULT_OUTPUT_TOKENS = 250;
    /** Interactive default: first token within 2 s, then 20 tokens a second (faster than people read). */
    static final LatencyTarget INTERACTIVE_TARGET = new LatencyTarget(2000.0, 50.0, null);
    private final Hardware hardware;
    private final ModelResolver models;
    private final FleetWorkloads workloads = new FleetWorkloads();
    private final ServingPrices prices;

    public InferenceEstimator(Hardware hardware, ModelResolver models) {
        this.hardware = hardware;
        this.models = models;
        this.prices = new ServingPrices(hardware);
    }

    /** The report section plus the typed facts the lifecycle and the advisor work from. */
    public record Result(InferenceReport report, Fleet fleet, Accelerator accelerator, Precision precision,
            Scaling scaling, PricingMode pricingMode, boolean latencyTargetMet, Workload workload, String offer,
            double[] monthlyCosts) {
    }

    /**
     * The latency target a serving run is held to: the request's, else for an interactive LLM whose
     * batch is not fixed the interactive default (the first token within 2 s, 20 tokens a second).
     */
    public static LatencyTarget target(ModelSpec model, InferenceInput in) {
        LatencyTarget given = in.latencyTargetMs();
        boolean interactive = in.service().workload() == null || in.service().workload() == Workload.INTERACTIVE;
        if (model.kind() == ModelKind.LLM && interactive && (given == null || !given.any())
                && in.replica().batchSize() == null) {
            return INTERACTIVE_TARGET;
        }
        return given;
    }

    /**
     * @param traffic requests per day in each serving month of the horizon (growth applied): the
     *        replica shape is chosen for the whole profile, so a tighter target never costs less.
     * @param owned owned-hardware costs (read only when the pricing mode is owned)
     */
    public Result estimate(ModelSpec model, InferenceInput in, EnergyProfile energy, Hardware.Owned owned, String path,
            boolean withApis, double[] traffic, Notes notes) {
        if (in.tiers() != null && !in.tiers().isEmpty()) {
            return Tiers.estimate(this, models, model, in, energy, owned, path, withApis, traffic, notes);
        }
        boolean llm = model.kind() == ModelKind.LLM;
        List<Offer> shapes = InstanceShapes.candidates(hardware, hardware.resolve(in.replica().accelerator(),
                llm ? "h100-sxm" : "l4", path, "", Notes.silent()), in);
        if (!shapes.isEmpty()) {
            return InstanceShapes.cheapest(shapes, in, path, notes,
                    (on, n) -> estimateOn(model, on, energy, owned, path, withApis, traffic, n));
        }
        return estimateOn(model, in, energy, owned, path, withApis, traffic, notes);
    }

    /** The provider's name for the instance a catalog offer rents; null for a price given or owned hardware. */
    String instanceName(String offerId) {
        return offerId == null ? null : hardware.catalog().offer(offerId).map(Offer::instance).orElse(null);
    }

    /** The estimate on the offer the request names, or on the accelerator's default offer. */
    private Result estimateOn(ModelSpec model, InferenceInput in, EnergyProfile energy, Hardware.Owned owned,
            String path, boolean withApis, double[] traffic, Notes notes) {
        boolean llm = model.kind() == ModelKind.LLM;
        Accelerator acc = hardware.resolve(in.replica().accelerator(), llm ? "h100-sxm" : "l4", path + ".accelerator",
                llm
                ? "the most widely deployed data-centre accelerator for LLM serving"
                : "a small inference accelerator, enough for a non-LLM model", notes);
        Precision precision = notes.orDefault(in.replica().precision(), Precision.BF16, path, ".precision",
                "unquantised 16-bit weights");
        int input = llm ? notes.orDefault(in.traffic().inputTokens(), DEFAULT_INPUT_TOKENS, path, ".inputTokens",
                "a typical chat prompt with its context") : 1;
        int output = llm ? notes.orDefault(in.traffic().outputTokens(), DEFAULT_OUTPUT_TOKENS, path, ".outputTokens",
                "a typical chat answer") : 1;
        if (precision == Precision.FP4) {
            notes.assume(path, ".precisionQuality", "fp4", acc.nativePeakFlops(Precision.FP4).isPresent()
                    ? "NVFP4/MXFP4 weights and activations with block scales: small quality loss, validate on your evals"
                    : acc.id() + " has no FP4 tensor cores: FP4 weights are stored 4-bit and computed at a wider rate");
        }
        if (llm && input + output > model.contextLength()) {
            notes.warn(() -> path + ": " + input + " input + " + output + " output tokens exceed " + model.name()
                    + "'s context window of " + model.contextLength() + " tokens.");
        }
        InferenceInput.Service service = in.service();
        Workload kind = notes.orDefault(service.workload(), Workload.INTERACTIVE, path, ".workload",
                "a person waits for each answer (set 'batch' for offline jobs sized for throughput)");
        LatencyTarget target = target(model, in);
        if (target != in.latencyTargetMs()) {
            notes.assume(path, ".latencyTargetMs", "ttftMs 2000, tpotMs 50", "interactive default: the first "
                    + "token within 2 s and 20 tokens a second, faster than people read");
        }
        double prefixHit = in.caching().prefixCacheHitRate() != null ? in.caching().prefixCacheHitRate() : 0.0;
        Fleet.Workload workload = workloads.of(in, path, notes);

        Stack stack = llm ? notes.orDefault(in.replica().stack(), Stack.TYPICAL, path, ".stack", "vLLM or SGLang as a "
                + "self-hosting team deploys them, behind an HTTP server: set 'tuned' for a compiled, vendor-optimised "
                + "runtime (TensorRT-LLM, NIM), whose fixed costs per request and per token are smaller")
                : Stack.TYPICAL;
        if (llm) {
            boolean tuned = stack == Stack.TUNED;
            notes.assume(path + ".servingEfficiency", Num.shown(acc.servingEfficiency(tuned)),
                    () -> servingEfficiencyReason(acc, precision, tuned));
        }
        ReplicaChoice.Shape shape = new ReplicaChoice.Shape(input, output, prefixHit, target, in.replica().batchSize(),
                stack);
        Offer named = in.pricing().offer() == null ? null : hardware.catalog().offer(in.pricing().offer()).orElse(null);
        // Committed and owned capacity is bought for the peak (what the baseline cannot carry bursts at a
        // higher rate): the degree is then chosen on the peak's accelerators, as an always-on fleet is.
        PricingMode asked = in.pricing().pricingMode();
        boolean boughtForPeak = asked == PricingMode.COMMIT_1Y || asked == PricingMode.COMMIT_3Y
                || asked == PricingMode.OWNED;
        Fleet.Workload sizedFor = boughtForPeak && workload.scaling() == Scaling.AUTOSCALE
                ? workload.withScaling(Scaling.ALWAYS_ON) : workload;
        ReplicaChoice choice = ReplicaChoice.choose(model, acc, precision, in.replica().tensorParallel(), shape,
                sizedFor, traffic, named, path, notes);
        ServingModel replica = choice.replica();
        if (replica.computeFallback) {
            notes.warn(() -> acc.id() + " has no native " + precision.wireName() + " tensor cores: weights are stored "
                    + "in " + precision.wireName() + " but computed at the bf16 rate.");
        }
        ServingModel.Point point = choice.point();
        choice.explain(in.replica().batchSize(), target, kind == Workload.BATCH, path, notes);
        boolean met = ReplicaChoice.meets(point, target);

        PricingMode mode = notes.orDefault(in.pricing().pricingMode(), PricingMode.ON_DEMAND, path, ".pricingMode",
                "on-demand list price");
        HostedApis.Workload apiWorkload = new HostedApis.Workload(in.traffic().requestsPerDay(), input, output,
                workload.cacheHitRate(), prefixHit, model.id(), kind == Workload.BATCH);
        if (!llm && service.hostedApi() != null) {
            throw InvalidRequestException.of(path + ".hostedApi", "is only for language models (APIs sell tokens)",
                    "remove hostedApi, or give a language model");
        }
        HostedApi hosted = service.hostedApi() == null ? null
                : hardware.catalog().hostedApis().stream().filter(a -> a.id().equals(service.hostedApi())).findFirst()
                        .orElseThrow();
        double operationsUsd = hosted == null && workload.scaling() == Scaling.SERVERLESS
                ? ServingPrices.operations(in.service().operations(), path, notes) : 0;
        ServerlessOffer serverless = workload.scaling() == Scaling.SERVERLESS && hosted == null
                ? prices.serverlessOffer(in, acc, replica, point, workload, traffic, operationsUsd, path) : null;
        Hardware.Price price = hosted != null ? new Hardware.Price(0, 0, null, null)
                : serverless != null ? ServingPrices.serverlessPrice(serverless, path, notes)
                : hardware.price(acc, mode, in.pricing().offer(), in.pricing().pricePerAcceleratorHourUsd(),
                        in.replica().accelerator() == null ? null : in.replica().accelerator().pricePerHourUsd(), owned, true,
                        energy, path,
                        notes);
        Fleet.Pricing pricing = serverless != null
                ? ServingPrices.serverlessPricing(in, serverless, replica, point, operationsUsd, path, notes)
                : prices.fleet(in, hosted, apiWorkload, acc, mode, price, owned, workload.scaling(), energy, path, notes);

        Result routed = in.routing() == null ? null
                : routed(in, precision, workload, energy, owned, traffic, path, notes);
        Fleet fleet = new Fleet(replica, point, workload, pricing, routed == null ? null : routed.fleet());
        double rpd = in.traffic().requestsPerDay();
        double served = rpd * workload.servedShare();
        double hours = fleet.acceleratorHoursPerMonth(rpd);
        int replicas = fleet.peakReplicas(rpd);
        double[] months = fleet.monthlyCosts(traffic);
        double monthly = months[0];
        double operations = pricing.operationsMonthlyUsd();
        double routedCost = routed == null ? 0 : routed.monthlyCosts()[0];
        double own = monthly - routedCost; // this fleet and the people who run it
        double capacityRps = hours / replica.tp / Num.HOURS_PER_MONTH * point.requestsPerSecond();
        double utilization = hosted != null ? 0 : Math.min(1.0, served / Num.SECONDS_PER_DAY / capacityRps);
        if (hosted == null && replicas <= workload.minReplicas() && utilization < 0.3) {
            notes.warn(() -> path + ": the fleet is mostly idle (" + Math.round(utilization * 100) + " % utilised): "
                    + "the traffic needs less than one replica; a smaller accelerator, scale-to-zero or a hosted API "
                    + "may be cheaper.");
        }
        double servedPerMonth = served * Num.DAYS_PER_MONTH;
        double inputPerMillion = llm ? own * point.prefillShare() / (servedPerMonth * input) * 1e6 : 0;
        double outputPerMillion = llm ? own * (1 - point.prefillShare()) / (servedPerMonth * output) * 1e6 : 0;
        double tokensPerSecondPerAccelerator = llm ? point.requestsPerSecond() * output / replica.tp : 0;

        List<HostedApiComparison> apis = llm && withApis ? HostedApis.compare(hardware.catalog(), fleet, apiWorkload,
                monthly, path, notes) : List.of();

        var op = new InferenceReport.OperatingPoint(replica.tp, point.batch(), replica.maxBatch(),
                point.memoryBound() ? "memory-bandwidth" : "compute", Num.sig(tokensPerSecondPerAccelerator),
                Num.sig(point.requestsPerSecond()), Num.sig(point.ttftMs()), Num.sig(point.tpotMs()),
                Num.sig(point.e2eMs()), met, Num.sig(replica.weightsBytes / replica.tp / 1e9),
                (double) Math.round(replica.kvBytesPerToken));
        var load = new InferenceReport.Traffic(Num.sig(rpd), Num.sig(served),
                Num.sig(served / Num.SECONDS_PER_DAY * workload.peakToAverage()));
        int per = pricing.acceleratorsPerInstance();
        int billed = (int) Math.min(Integer.MAX_VALUE, fleet.billedAccelerators(replicas));
        var size = per <= 1 ? new InferenceReport.FleetSize(workload.scaling().wireName(), replicas,
                replicas * replica.tp, Num.sig(hours), Num.sig(utilization))
                : InferenceReport.FleetSize.onInstances(workload.scaling().wireName(), replicas, replicas * replica.tp,
                        Num.sig(hours), Num.sig(utilization), billed, per, hardware.catalog().offer(price.offer())
                                .map(o -> o.instance()).orElse(null));
        if (hosted == null && serverless == null && withApis) { // the main report's figure, not a lever's what-if
            // What the headroom and the second copy cost: the bill less the same fleet run full, on one replica
            // (or on the replicas the request asked for).
            Fleet.Workload bare = workload.bare(in.capacity().minReplicas() != null);
            double bareUsd = new Fleet(replica, point, bare, pricing, fleet.routed()).monthlyCosts(traffic)[0];
            size = size.withHeadroom(workload.targetUtilization(), Num.money(Math.max(0, monthly - bareUsd)));
        }
        var cost = new InferenceReport.Cost(mode.wireName(), price.offer(), Num.money(price.perHourUsd()),
                Num.money(monthly), Num.money(monthly / (rpd * Num.DAYS_PER_MONTH)), Num.money(inputPerMillion),
                Num.money(outputPerMillion));
        Double coldStartMs = serverless == null ? null : Num.sig(pricing.serverless().coldStartSeconds() * 1000);
        Double coldShare = serverless == null ? null : Num.sig(fleet.coldStartShare(rpd));
        if (serverless != null && coldShare > 0.01 && kind == Workload.INTERACTIVE) {
            notes.warn(() -> path + ": " + Money.pct(coldShare) + " of requests find no warm worker and wait a "
                    + Num.show(Num.sig(coldStartMs / 1000, 2)) + " s cold start; a longer idleTimeoutSeconds or a warm "
                    + "worker (minReplicas 1) trades money for it.");
        }
        var economics = new InferenceReport.Economics(kind.wireName(), Num.money(monthly - operations),
                Num.money(operations), ServingPrices.capacity(fleet, traffic, mode), price.owned(),
                hosted == null ? null : hosted.id(), coldStartMs, coldShare);
        RoutingReport routing = routed == null ? null : routingReport(in, routed, fleet);
        InferenceReport report = new InferenceReport(acc.id(), precision.wireName(), op, load, size, cost, routing,
                apis, economics);
        return new Result(report, fleet, acc, precision, workload.scaling(), mode, met, kind, price.offer(), months);
    }

    /** The routed share, estimated as its own workload on its own (or the main) accelerator. */
    private Result routed(InferenceInput in, Precision precision, Fleet.Workload workload, EnergyProfile energy,
            Hardware.Owned owned, double[] traffic, String path, Notes notes) {
        InferenceInput.Routing r = in.routing();
        ModelSpec small = models.resolve(r.model(), path + ".routing.model", notes);
        double share = (1 - workload.cacheHitRate()) * workload.routedShare();
        double[] routedTraffic = new double[traffic.length];
        for (int m = 0; m < traffic.length; m++) {
            routedTraffic[m] = traffic[m] * share;
        }
        InferenceInput smallInput = in.routedShare(in.traffic().requestsPerDay() * share,
                r.accelerator() != null ? r.accelerator() : in.replica().accelerator(),
                r.precision() != null ? r.precision() : precision, r.tensorParallel(), workload.scaling());
        return estimate(small, smallInput, energy, owned, path + ".routing", false, routedTraffic, notes);
    }

    private static RoutingReport routingReport(InferenceInput in, Result routed, Fleet fleet) {
        Fleet.Workload w = fleet.workload();
        double rpd = in.traffic().requestsPerDay() * (1 - w.cacheHitRate()) * w.routedShare();
        InferenceReport r = routed.report();
        ModelSpec small = routed.fleet().replica().model;
        return new RoutingReport(w.routedShare(), small.id().equals("custom") ? small.name() : small.id(),
                r.accelerator(), r.precision(), r.point().tensorParallel(),
                routed.fleet().replica().tp * routed.fleet().peakReplicas(rpd), r.point().ttftMs(), r.point().tpotMs(),
                Num.money(routed.monthlyCosts()[0]));
    }

    /**
     * Why the replica reaches the share of its roofline it does: calibrated (NVIDIA parts the serving cases ran
     * on), carried over (other NVIDIA parts, the same kernels), the catalog's figure for the part, or an estimate
     * for a design no calibration case ran on (TPU, Inferentia, Trainium, Gaudi), which the ranges then widen.
     */
    private String servingEfficiencyReason(Accelerator acc, Precision precision, boolean tuned) {
        boolean calibrated = !hardware.catalog().modelError().lookup(ModelError.Figure.SERVING_THROUGHPUT, acc.id(),
                acc.vendor(), precision.wireName(), false).outside();
        if (acc.servingEfficiency(tuned) != 1.0) {
            return "the catalog's share for " + acc.id() + " on a " + (tuned ? "tuned" : "typical") + " stack of what "
                    + "the serving cases on NVIDIA GPUs reach" + (calibrated ? ", with published serving figures on it "
                            + "among the calibration cases (docs/catalog.md says which set it)" : ", an estimate (docs/catalog.md)");
        }
        if (calibrated) {
            return "the share of the compute and bandwidth roofline the published serving figures on " + acc.id()
                    + " reach (calibration, docs/calibration.md)";
        }
        return "no published serving figure on " + acc.id() + " is among the calibration cases: taken as the share "
                + ("nvidia".equals(acc.vendor()) ? "the calibrated NVIDIA GPUs reach (the same kernels and stacks)"
                        : "NVIDIA GPUs reach on the same stack, an estimate for a different design and software stack")
                + "; the ranges are the wide ones for hardware outside the calibration";
    }
}
