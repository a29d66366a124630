package dev.aicost.engine.advice;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.HostedApi;
import dev.aicost.catalog.ModelKind;
import dev.aicost.catalog.Offer;
import dev.aicost.catalog.Precision;
import dev.aicost.catalog.PricingMode;
import dev.aicost.engine.billing.HostedApis;
import dev.aicost.engine.core.Hardware;
import dev.aicost.engine.core.Num;
import dev.aicost.engine.estimate.Estimate;
import dev.aicost.engine.inference.InferenceEstimator;
import dev.aicost.engine.training.SpotRuns;
import dev.aicost.engine.training.TrainingEstimator;
import dev.aicost.report.RequestPatch;
import dev.aicost.request.AcceleratorInput;
import dev.aicost.request.EstimateRequest;
import dev.aicost.request.InferenceInput.Routing;
import dev.aicost.request.InferenceInput.Scaling;
import dev.aicost.request.InferenceInput.Workload;
import dev.aicost.request.InferenceInput;
import dev.aicost.request.InferenceInput.Stack;
import dev.aicost.request.ModelInput;
import dev.aicost.request.TrainingInput;
import java.util.List;

/**
 * Which levers apply to a request, each as a {@link WhatIf}. Levers the request already uses are
 * not suggested; the decision reads the typed request and the base run's resolved values.
 */
final class WhatIfs {
    /** Typical exact-cache hit rate: the low end of the 30–60 % seen in production. */
    static final double TYPICAL_CACHE_HIT_RATE = 0.3;
    static final double ROUTED_SHARE = 0.5;

    private WhatIfs() {
    }

    static void inference(EstimateRequest req, Estimate base, Hardware hardware, List<WhatIf> out) {
        InferenceInput in = req.inference();
        InferenceEstimator.Result r = base.inference();
        boolean llm = base.model().kind() == ModelKind.LLM;
        Precision current = r.precision();
        boolean fp4 = r.accelerator().nativePeakFlops(Precision.FP4).isPresent();
        for (Precision p : llm ? (fp4 ? List.of(Precision.FP8, Precision.FP4) : List.of(Precision.FP8, Precision.INT8,
                Precision.INT4)) : List.of(Precision.INT8)) {
            if (p.bytesPerValue() < current.bytesPerValue() || (p == Precision.FP4 && current == Precision.INT4)) {
                out.add(new WhatIf(Lever.quantization(p), "inference.precision", current.wireName() + " → "
                        + p.wireName(), q -> q.withInference(q.inference().withPrecision(p)),
                        RequestPatch.of("inference", "precision", p.wireName())));
            }
        }
        if (llm && in.replica().stack() != Stack.TUNED && "nvidia".equals(r.accelerator().vendor())
                && in.service().hostedApi() == null) {
            out.add(new WhatIf(Lever.TUNED_SERVING_STACK, "inference.stack", "typical → tuned (TensorRT-LLM, NIM)",
                    q -> q.withInference(q.inference().withStack(Stack.TUNED)),
                    RequestPatch.of("inference", "stack", "tuned")));
        }
        if (in.replica().batchSize() != null) {
            out.add(new WhatIf(Lever.BATCHING, "inference.batchSize",
                    in.replica().batchSize() + " → the best operating point",
                    q -> q.withInference(q.inference().withBatchSize(null)),
                    RequestPatch.of("inference", "batchSize", null)));
        }
        if (in.caching().cacheHitRate() == null || in.caching().cacheHitRate() == 0) {
            out.add(new WhatIf(Lever.RESPONSE_CACHING, "inference.cacheHitRate", "0 → " + TYPICAL_CACHE_HIT_RATE
                    + " (30–60 % is common)", q -> q.withInference(q.inference().withCacheHitRate(TYPICAL_CACHE_HIT_RATE)),
                    RequestPatch.of("inference", "cacheHitRate", TYPICAL_CACHE_HIT_RATE)));
        }
        if (llm && in.routing() == null && in.tiers() == null) { // tiers name their own (smaller) models
            double params = base.model().parameters();
            String small = params >= 2e10 ? "llama-3.1-8b" : params >= 5e9 ? "llama-3.2-3b" : null;
            if (small != null) {
                RequestPatch p = new RequestPatch();
                RequestPatch routing = p.object("inference").object("routing");
                routing.set("share", ROUTED_SHARE);
                routing.object("model").set("id", small);
                Routing typed = new Routing(ROUTED_SHARE, ModelInput.ofId(small), null, null, null);
                out.add(new WhatIf(Lever.ROUTING, "inference.routing", (int) (ROUTED_SHARE * 100)
                        + " % of requests to " + small, q -> q.withInference(q.inference().withRouting(typed)), p));
            }
        }
        boolean hosted = in.service().hostedApi() != null;
        boolean serverless = r.scaling() == Scaling.SERVERLESS;
        PricingMode commit = base.horizonMonths() >= 36 ? PricingMode.COMMIT_3Y : PricingMode.COMMIT_1Y;
        if (!hosted && !serverless && r.pricingMode() == PricingMode.ON_DEMAND
                && in.pricing().pricePerAcceleratorHourUsd() == null) {
            boolean alwaysOn = r.scaling() == Scaling.ALWAYS_ON;
            out.add(new WhatIf(Lever.COMMITMENT, "inference.pricingMode", "on-demand → " + commit.wireName()
                    + (alwaysOn ? " for the always-on fleet" : " for the baseline, the rest bursting on demand"),
                    q -> q.withInference(q.inference().withPricingMode(commit)),
                    RequestPatch.of("inference", "pricingMode", commit.wireName())));
            if (alwaysOn) {
                RequestPatch p = new RequestPatch();
                p.object("inference").set("scaling", "autoscale").set("pricingMode", commit.wireName());
                out.add(new WhatIf(Lever.HYBRID_CAPACITY, "inference.pricingMode", "always-on on-demand → autoscale "
                        + "on a " + commit.wireName() + " baseline with on-demand burst", q -> q.withInference(
                                q.inference().withScaling(Scaling.AUTOSCALE).withPricingMode(commit)), p));
            }
        }
        if (!hosted && r.offer() != null && searchesCatalog(in)) {
            Offer here = hardware.catalog().offer(r.offer()).orElseThrow();
            Offer other = hardware.cheapestElsewhere(r.accelerator(), r.pricingMode(), here.provider(),
                    CatalogSearch.fleetDays(base), r.fleet().replica().tp);
            if (other != null && other.price(r.pricingMode()).getAsDouble() < here.price(r.pricingMode()).getAsDouble()) {
                out.add(new WhatIf(Lever.CHEAPER_PROVIDER, "inference.offer", here.id() + " → " + other.id(),
                        q -> q.withInference(q.inference().withOffer(other.id())),
                        RequestPatch.of("inference", "offer", other.id()), "another provider: " + other.provider() + " "
                                + other.instance() + " (" + other.region() + "); quotas, data egress and SLAs differ"));
            }
        }
        if (llm && !hosted && in.tiers() == null) { // tiers cannot be bought as one hosted API
            HostedApis.Workload w = new HostedApis.Workload(in.traffic().requestsPerDay(),
                    r.fleet().replica().inputTokens,
                    r.fleet().replica().outputTokens, r.fleet().workload().cacheHitRate(),
                    r.fleet().replica().prefixCacheHitRate, base.model().id(), r.workload() == Workload.BATCH);
            HostedApi api = HostedApis.cheapestSameModel(hardware.catalog(), w);
            if (api != null) {
                boolean batch = w.batch() && api.batchPriceFraction() != null;
                RequestPatch p = new RequestPatch();
                RequestPatch i = p.object("inference").set("hostedApi", api.id()).set("routing", null);
                if (serverless) { // no fleet left to scale
                    i.set("scaling", null).set("idleTimeoutSeconds", null);
                }
                WhatIf buy = new WhatIf(batch ? Lever.BATCH_API : Lever.HOSTED_API, "inference.hostedApi",
                        "self-hosted → " + api.id() + (batch ? " (batch tier)" : ""), q -> q.withInference(q.inference()
                                .withService(q.inference().service().withHostedApi(api.id())).withRouting(null)), p);
                // The API serves the published weights only: the model this plan trains is not for sale there.
                out.add(req.training() == null ? buy : buy.unbuyable(api.id() + " serves the published "
                        + base.model().name() + " weights, not the " + (req.training().kind() == null ? "pretrained"
                                : req.training().kind().wireName()) + " model this plan trains"));
            }
        }
        if (!hosted && !serverless && r.workload() == Workload.BATCH
                && in.pricing().pricePerAcceleratorHourUsd() == null
                && (r.pricingMode() != PricingMode.SPOT || r.fleet().workload().peakToAverage() > 1)) {
            boolean spot = r.pricingMode() == PricingMode.SPOT || hasSpot(hardware, r.accelerator());
            PricingMode mode = spot ? PricingMode.SPOT : r.pricingMode();
            RequestPatch p = new RequestPatch();
            RequestPatch i = p.object("inference").set("peakToAverage", 1);
            i.set("hourlyShape", null);
            i.set("pricingMode", mode.wireName());
            out.add(new WhatIf(Lever.OFF_PEAK, "inference.peakToAverage", "the queue spread evenly over the day"
                    + (spot ? " on spot capacity" : ""), q -> q.withInference(q.inference().flattened()
                            .withPricingMode(mode)), p));
        }
        if (!hosted && !serverless && in.pricing().pricePerAcceleratorHourUsd() == null
                && (in.replica().accelerator() == null || in.replica().accelerator().pricePerHourUsd() == null)
                && !hardware.catalog().serverlessOffersFor(r.accelerator().id()).isEmpty()) {
            RequestPatch p = new RequestPatch();
            RequestPatch i = p.object("inference").set("scaling", "serverless").set("pricingMode", "on-demand");
            if (in.pricing().offer() != null) {
                i.set("offer", null);
            }
            // The offer is named once priced: the engine picks the one that bills least and that holds the peak.
            out.add(new WhatIf(Lever.SERVERLESS, "inference.scaling", r.scaling().wireName() + " → serverless ("
                    + "scale to zero, billed per second)", q -> q.withInference(q.inference()
                            .withScaling(Scaling.SERVERLESS).withPricingMode(PricingMode.ON_DEMAND).withOffer(null)), p));
        }
        if (!hosted && r.scaling() == Scaling.ALWAYS_ON) {
            out.add(new WhatIf(Lever.AUTOSCALING, "inference.scaling", "always-on → autoscale",
                    q -> q.withInference(q.inference().withScaling(Scaling.AUTOSCALE)),
                    RequestPatch.of("inference", "scaling", "autoscale")));
        }
    }

    /** Whether the catalog search for a cheaper accelerator applies: not when the request fixed a price or offer. */
    static boolean searchesCatalog(InferenceInput in) {
        // Not for serverless workers: the search's lower bound prices rented hours, not serverless seconds.
        return in.pricing().pricePerAcceleratorHourUsd() == null
                && (in.replica().accelerator() == null || !in.replica().accelerator().custom())
                && in.pricing().offer() == null && in.service().hostedApi() == null
                && in.capacity().scaling() != Scaling.SERVERLESS;
    }

    /**
     * The same serving workload on another catalog accelerator, its replica shape chosen afresh, at
     * the given offer (the base's provider; null: the accelerator's default offer).
     */
    static WhatIf onAccelerator(Estimate base, Accelerator a, String offer) {
        return onAccelerator(base, a, offer, Lever.CHEAPER_ACCELERATOR);
    }

    static WhatIf onAccelerator(Estimate base, Accelerator a, String offer, Lever lever) {
        RequestPatch p = new RequestPatch();
        RequestPatch i = p.object("inference");
        i.set("accelerator", a.id());
        i.set("tensorParallel", null);
        i.set("batchSize", null);
        if (offer != null) {
            i.set("offer", offer);
        }
        AcceleratorInput typed = AcceleratorInput.ofId(a.id());
        return new WhatIf(lever, "inference.accelerator", base.inference().accelerator().id()
                + " → " + a.id() + (offer != null ? " (" + offer + ")" : ""),
                q -> q.withInference(q.inference().onAccelerator(typed).withOffer(offer)), p,
                "different hardware: re-validate latency and the serving stack on " + a.name());
    }

    private static boolean hasSpot(Hardware hardware, Accelerator a) {
        return hardware.catalog().offersFor(a.id()).stream().anyMatch(o -> o.price(PricingMode.SPOT).isPresent());
    }

    static void training(EstimateRequest req, Estimate base, Hardware hardware, List<WhatIf> out) {
        TrainingInput in = req.training();
        TrainingEstimator.Result t = base.training();
        PricingMode mode = t.pricingMode();
        String offerId = t.report().pricing().offer();
        if (offerId != null && in.pricePerAcceleratorHourUsd() == null && in.acceleratorHours() == null
                && mode != PricingMode.OWNED && hardware.catalog().offer(offerId).isPresent()) {
            // The same accelerators rented elsewhere, for at least the run's days (a block must hold it).
            Offer here = hardware.catalog().offer(offerId).orElseThrow();
            // A multi-GPU run keeps its GPUs in servers of at least today's size (NVLink within a server): eight
            // single marketplace GPUs in different places are no cluster.
            int server = Math.min(t.report().cluster().accelerators(), here.acceleratorsPerInstance());
            Offer other = hardware.cheapestElsewhere(t.accelerator(), mode, here.provider(), t.wallClockDays(), server);
            if (other != null && other.price(mode).getAsDouble() < here.price(mode).getAsDouble()) {
                out.add(new WhatIf(Lever.TRAINING_PROVIDER, "training.offer", here.id() + " → " + other.id(),
                        q -> q.withTraining(q.training().withOffer(other.id())),
                        RequestPatch.of("training", "offer", other.id()), "another provider: " + other.provider() + " "
                                + other.instance() + " (" + other.region() + "); quotas, data egress and interconnect "
                                + "for multi-node runs differ"));
            }
        }
        if (mode != PricingMode.SPOT && mode != PricingMode.OWNED && in.pricePerAcceleratorHourUsd() == null
                && in.acceleratorHours() == null) {
            WhatIf spot = new WhatIf(Lever.SPOT_TRAINING, "training.pricingMode", mode.wireName() + " → spot",
                    q -> q.withTraining(q.training().withPricingMode(PricingMode.SPOT)),
                    RequestPatch.of("training", "pricingMode", "spot"));
            int instances = SpotRuns.instances(hardware.catalog(), t.report().cluster().accelerators(),
                    offerId);
            out.add(instances <= SpotRuns.MAX_SPOT_INSTANCES ? spot : spot.unbuyable("a synchronous run on "
                    + instances + " instances stalls whenever one is reclaimed; spot is recommended up to "
                    + SpotRuns.MAX_SPOT_INSTANCES + " instances"));
        }
        if (in.acceleratorHours() != null) {
            return; // given hours: precision and recomputation change nothing
        }
        if (in.mfu() == null && in.efficiency() != TrainingInput.Efficiency.TUNED) {
            double goodput = t.report().cluster().goodput();
            RequestPatch patch = new RequestPatch();
            patch.object("training").set("efficiency", "tuned").set("goodput", goodput);
            out.add(new WhatIf(Lever.TUNED_STACK, "training.efficiency", "typical → tuned (MFU "
                    + Num.show(t.report().cluster().mfu()) + " → a tuned framework's, goodput kept at "
                    + Num.show(goodput) + ")", q -> q.withTraining(q.training().withEfficiency(
                            TrainingInput.Efficiency.TUNED, goodput)), patch));
        }
        Precision p = t.precision();
        if (p == Precision.FP32 || p == Precision.TF32) {
            out.add(new WhatIf(Lever.MIXED_PRECISION, "training.precision", p.wireName() + " → bf16",
                    q -> q.withTraining(q.training().withPrecision(Precision.BF16)),
                    RequestPatch.of("training", "precision", "bf16")));
        } else if ((p == Precision.BF16 || p == Precision.FP16)
                && t.accelerator().nativePeakFlops(Precision.FP8).isPresent()) {
            out.add(new WhatIf(Lever.FP8_TRAINING, "training.precision", p.wireName() + " → fp8",
                    q -> q.withTraining(q.training().withPrecision(Precision.FP8)),
                    RequestPatch.of("training", "precision", "fp8")));
        }
        if (in.activationCheckpointing() == null || !in.activationCheckpointing()) {
            out.add(new WhatIf(Lever.ACTIVATION_CHECKPOINTING, "training.activationCheckpointing", "false → true",
                    q -> q.withTraining(q.training().withActivationCheckpointing(true)),
                    RequestPatch.of("training", "activationCheckpointing", true)));
        }
    }
}
