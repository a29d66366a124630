package dev.aicost.request;

import dev.aicost.catalog.Precision;
import dev.aicost.catalog.PricingMode;

/** The production workload and serving setup as sent; nulls are defaults the engine states. */
public record InferenceInput(
        Double requestsPerDay,
        Double users,
        Integer inputTokens,
        Integer outputTokens,
        AcceleratorInput accelerator,
        Precision precision,
        Integer tensorParallel,
        Integer batchSize,
        PricingMode pricingMode,
        String offer,
        Double pricePerAcceleratorHourUsd,
        LatencyTarget latencyTargetMs,
        Double peakToAverage,
        Scaling scaling,
        double[] hourlyShape,
        Double cacheHitRate,
        Double prefixCacheHitRate,
        Routing routing,
        Double monthlyGrowth,
        Integer startMonth,
        Integer minReplicas,
        Service service,
        Uncertain uncertain,
        Double revenuePerRequestUsd,
        Double idleTimeoutSeconds,
        java.util.List<Tier> tiers) {

    /** A service tier: its share of the requests, its own latency target, and optionally a smaller model. */
    public record Tier(String name, double share, LatencyTarget latencyTargetMs, ModelInput model) {
    }

    /** One tier's part of this workload: its traffic and target (and model, resolved by the engine), no tiers. */
    public InferenceInput forTier(Tier t) {
        return new InferenceInput(requestsPerDay * t.share(), users, inputTokens, outputTokens, accelerator, precision,
                tensorParallel, batchSize, pricingMode, offer, pricePerAcceleratorHourUsd,
                t.latencyTargetMs() != null ? t.latencyTargetMs() : latencyTargetMs, peakToAverage, scaling,
                hourlyShape, cacheHitRate, prefixCacheHitRate, null, monthlyGrowth, startMonth, minReplicas, service,
                Uncertain.NONE, revenuePerRequestUsd, idleTimeoutSeconds, null);
    }

    /** The whole workload on one fleet held to these targets, no tiers. */
    public InferenceInput sharedAt(LatencyTarget target) {
        return new InferenceInput(requestsPerDay, users, inputTokens, outputTokens, accelerator, precision,
                tensorParallel, batchSize, pricingMode, offer, pricePerAcceleratorHourUsd, target, peakToAverage,
                scaling, hourlyShape, cacheHitRate, prefixCacheHitRate, null, monthlyGrowth, startMonth, minReplicas,
                service, uncertain, revenuePerRequestUsd, idleTimeoutSeconds, null);
    }

    /**
     * The inputs the caller sent as {low, high} ranges (null where sent as a number); never null
     * after reading. The plain fields above hold their log-space midpoints.
     */
    public record Uncertain(InputRange requestsPerDay, InputRange monthlyGrowth, InputRange cacheHitRate) {
        public static final Uncertain NONE = new Uncertain(null, null, null);
    }

    /** How the workload is served and bought besides the fleet itself; never null after reading. */
    public record Service(Workload workload, PricingMode burstPricingMode, Operations operations, String hostedApi) {
        public static final Service NONE = new Service(null, null, null, null);

        public Service withHostedApi(String id) {
            return new Service(workload, burstPricingMode, operations, id);
        }
    }

    /** INTERACTIVE: a person waits for the answer (sized to a latency target); BATCH: throughput only. */
    public enum Workload implements dev.aicost.catalog.WireName {
        INTERACTIVE, BATCH
    }

    /** People who run the self-hosted fleet (on call, upgrades, MLOps), or a monthly amount. */
    public record Operations(Double people, Double monthlyCostUsdPerPerson, Double monthlyUsd) {
    }

    /** Latency service-level targets; any may be null. */
    public record LatencyTarget(Double ttftMs, Double tpotMs, Double e2eMs) {
        public boolean any() {
            return ttftMs != null || tpotMs != null || e2eMs != null;
        }

        public double tightestMs() {
            double t = Double.MAX_VALUE;
            for (Double d : new Double[] {ttftMs, tpotMs, e2eMs}) {
                if (d != null) {
                    t = Math.min(t, d);
                }
            }
            return t;
        }
    }

    /**
     * ALWAYS_ON: a 24/7 fleet sized for the peak. AUTOSCALE: replicas follow the daily shape.
     * SERVERLESS: workers scale to zero and are billed per second while up (serverless GPUs).
     */
    public enum Scaling implements dev.aicost.catalog.WireName {
        ALWAYS_ON, AUTOSCALE, SERVERLESS
    }

    /** A share of the traffic served by another (usually smaller) model. */
    public record Routing(double share, ModelInput model, AcceleratorInput accelerator, Precision precision,
            Integer tensorParallel) {
    }

    // What-if copies: the advisor changes a validated request by value, never through JSON.

    /** The same workload at another precision. */
    public InferenceInput withPrecision(Precision v) {
        return new InferenceInput(requestsPerDay, users, inputTokens, outputTokens, accelerator, v, tensorParallel,
                batchSize, pricingMode, offer, pricePerAcceleratorHourUsd, latencyTargetMs, peakToAverage, scaling,
                hourlyShape, cacheHitRate, prefixCacheHitRate, routing, monthlyGrowth, startMonth, minReplicas, service, uncertain, revenuePerRequestUsd, idleTimeoutSeconds, tiers);
    }

    /** The same workload with another (or no) fixed batch. */
    public InferenceInput withBatchSize(Integer v) {
        return new InferenceInput(requestsPerDay, users, inputTokens, outputTokens, accelerator, precision,
                tensorParallel, v, pricingMode, offer, pricePerAcceleratorHourUsd, latencyTargetMs, peakToAverage,
                scaling, hourlyShape, cacheHitRate, prefixCacheHitRate, routing, monthlyGrowth, startMonth,
                minReplicas, service, uncertain, revenuePerRequestUsd, idleTimeoutSeconds, tiers);
    }

    /** The same workload with another response-cache hit rate. */
    public InferenceInput withCacheHitRate(Double v) {
        return new InferenceInput(requestsPerDay, users, inputTokens, outputTokens, accelerator, precision,
                tensorParallel, batchSize, pricingMode, offer, pricePerAcceleratorHourUsd, latencyTargetMs,
                peakToAverage, scaling, hourlyShape, v, prefixCacheHitRate, routing, monthlyGrowth, startMonth,
                minReplicas, service, uncertain, revenuePerRequestUsd, idleTimeoutSeconds, tiers);
    }

    /** The same workload with a share routed to another model (or none). */
    public InferenceInput withRouting(Routing v) {
        return new InferenceInput(requestsPerDay, users, inputTokens, outputTokens, accelerator, precision,
                tensorParallel, batchSize, pricingMode, offer, pricePerAcceleratorHourUsd, latencyTargetMs,
                peakToAverage, scaling, hourlyShape, cacheHitRate, prefixCacheHitRate, v, monthlyGrowth, startMonth,
                minReplicas, service, uncertain, revenuePerRequestUsd, idleTimeoutSeconds, tiers);
    }

    /** The same fleet bought another way. */
    public InferenceInput withPricingMode(PricingMode v) {
        return new InferenceInput(requestsPerDay, users, inputTokens, outputTokens, accelerator, precision,
                tensorParallel, batchSize, v, offer, pricePerAcceleratorHourUsd, latencyTargetMs, peakToAverage,
                scaling, hourlyShape, cacheHitRate, prefixCacheHitRate, routing, monthlyGrowth, startMonth,
                minReplicas, service, uncertain, revenuePerRequestUsd, idleTimeoutSeconds, tiers);
    }

    /** The same fleet scaled another way. */
    public InferenceInput withScaling(Scaling v) {
        return new InferenceInput(requestsPerDay, users, inputTokens, outputTokens, accelerator, precision,
                tensorParallel, batchSize, pricingMode, offer, pricePerAcceleratorHourUsd, latencyTargetMs,
                peakToAverage, v, hourlyShape, cacheHitRate, prefixCacheHitRate, routing, monthlyGrowth, startMonth,
                minReplicas, service, uncertain, revenuePerRequestUsd, idleTimeoutSeconds, tiers);
    }

    /** The same workload flattened over the day (no peak), e.g. a batch queue run off-peak. */
    public InferenceInput flattened() {
        return new InferenceInput(requestsPerDay, users, inputTokens, outputTokens, accelerator, precision,
                tensorParallel, batchSize, pricingMode, offer, pricePerAcceleratorHourUsd, latencyTargetMs, 1.0, scaling,
                null, cacheHitRate, prefixCacheHitRate, routing, monthlyGrowth, startMonth, minReplicas, service, uncertain, revenuePerRequestUsd, idleTimeoutSeconds, tiers);
    }

    /** The same workload bought from a catalog offer (or none). */
    public InferenceInput withOffer(String v) {
        return new InferenceInput(requestsPerDay, users, inputTokens, outputTokens, accelerator, precision,
                tensorParallel, batchSize, pricingMode, v, pricePerAcceleratorHourUsd, latencyTargetMs, peakToAverage,
                scaling, hourlyShape, cacheHitRate, prefixCacheHitRate, routing, monthlyGrowth, startMonth,
                minReplicas, service, uncertain, revenuePerRequestUsd, idleTimeoutSeconds, tiers);
    }

    /** The same workload served another way (e.g. bought from a hosted API). */
    public InferenceInput withService(Service v) {
        return new InferenceInput(requestsPerDay, users, inputTokens, outputTokens, accelerator, precision,
                tensorParallel, batchSize, pricingMode, offer, pricePerAcceleratorHourUsd, latencyTargetMs, peakToAverage,
                scaling, hourlyShape, cacheHitRate, prefixCacheHitRate, routing, monthlyGrowth, startMonth,
                minReplicas, v, uncertain, revenuePerRequestUsd, idleTimeoutSeconds, tiers);
    }

    /** The same workload on another accelerator, with the replica shape chosen afresh. */
    public InferenceInput onAccelerator(AcceleratorInput a) {
        return new InferenceInput(requestsPerDay, users, inputTokens, outputTokens, a, precision, null, null,
                pricingMode, offer, pricePerAcceleratorHourUsd, latencyTargetMs, peakToAverage, scaling, hourlyShape,
                cacheHitRate, prefixCacheHitRate, routing, monthlyGrowth, startMonth, minReplicas, service, uncertain, revenuePerRequestUsd, idleTimeoutSeconds, tiers);
    }

    /** The routed share of this workload: its own traffic and replica, no cache (hits were served before routing). */
    public InferenceInput routedShare(double rpd, AcceleratorInput a, Precision p, Integer tp, Scaling s) {
        return new InferenceInput(rpd, users, inputTokens, outputTokens, a, p, tp, null, pricingMode, offer,
                pricePerAcceleratorHourUsd, latencyTargetMs, peakToAverage, s, hourlyShape, 0.0, prefixCacheHitRate,
                null, monthlyGrowth, startMonth, minReplicas, new Service(service.workload(),
                        service.burstPricingMode(), new Operations(null, null, 0.0), null), Uncertain.NONE, revenuePerRequestUsd, idleTimeoutSeconds, null);
    }

}
