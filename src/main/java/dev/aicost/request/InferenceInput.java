package dev.aicost.request;

import dev.aicost.catalog.Precision;
import dev.aicost.catalog.PricingMode;
import dev.aicost.catalog.WireName;
import java.util.List;
import java.util.function.Consumer;

/**
 * The production workload and serving setup as sent, in parts by meaning; nulls are defaults the
 * engine states. A what-if copy changes one part ({@link #withPrecision} and the like go through
 * {@link Copy}), so a new field touches its part and the reader only.
 *
 * @param traffic how much is asked, of what size, over the day and the months
 * @param replica what one replica runs on and how (accelerator, precision, parallelism, batch)
 * @param pricing how the accelerator-hours are bought
 * @param latencyTargetMs the service-level targets
 * @param capacity how the fleet scales
 * @param caching response and prefix caches
 * @param routing a share served by another (smaller) model, or null
 * @param tiers service tiers, or null
 * @param service how the workload is served and bought besides the fleet itself; never null after reading
 * @param uncertain the inputs sent as ranges; never null after reading
 */
public record InferenceInput(
        Traffic traffic,
        Replica replica,
        Pricing pricing,
        LatencyTarget latencyTargetMs,
        Capacity capacity,
        Caching caching,
        Routing routing,
        List<Tier> tiers,
        Service service,
        Uncertain uncertain) {

    /**
     * How much is asked: requests per day (and by how many users), tokens in and out of each, the day's
     * shape, monthly growth from the first serving month, and what a request earns.
     */
    public record Traffic(Double requestsPerDay, Double users, Integer inputTokens, Integer outputTokens,
            Double peakToAverage, double[] hourlyShape, Double monthlyGrowth, Integer startMonth,
            Double revenuePerRequestUsd) {
        Traffic withRequestsPerDay(Double v) {
            return new Traffic(v, users, inputTokens, outputTokens, peakToAverage, hourlyShape, monthlyGrowth,
                    startMonth, revenuePerRequestUsd);
        }

        /** The same requests spread evenly over the day (no peak). */
        Traffic flattened() {
            return new Traffic(requestsPerDay, users, inputTokens, outputTokens, 1.0, null, monthlyGrowth, startMonth,
                    revenuePerRequestUsd);
        }
    }

    /**
     * What one replica runs on: the accelerator, its precision, tensor-parallel degree, a fixed batch and the
     * serving stack (null: the default, {@link Stack#TYPICAL}).
     */
    public record Replica(AcceleratorInput accelerator, Precision precision, Integer tensorParallel,
            Integer batchSize, Stack stack) {
        public Replica(AcceleratorInput accelerator, Precision precision, Integer tensorParallel, Integer batchSize) {
            this(accelerator, precision, tensorParallel, batchSize, null);
        }
    }

    /**
     * The serving software. TYPICAL: vLLM or SGLang as a self-hosting team deploys them (an HTTP server, a
     * Python scheduler, prefill kernels launched one by one). TUNED: a compiled, vendor-optimised runtime
     * (TensorRT-LLM, NIM; MLPerf-class), whose per-request and per-step costs are mostly its kernels' own.
     */
    public enum Stack implements WireName {
        TYPICAL, TUNED
    }

    /** How the accelerator-hours are bought: the pricing mode, a catalog offer, or a price of one's own. */
    public record Pricing(PricingMode pricingMode, String offer, Double pricePerAcceleratorHourUsd) {
    }

    /**
     * How the fleet scales: its mode, a floor of replicas, serverless workers' idle timeout, and the share of
     * a replica's capacity it may use at the peak (the rest is headroom).
     */
    public record Capacity(Scaling scaling, Integer minReplicas, Double idleTimeoutSeconds, Double targetUtilization) {
        public Capacity(Scaling scaling, Integer minReplicas, Double idleTimeoutSeconds) {
            this(scaling, minReplicas, idleTimeoutSeconds, null);
        }
    }

    /** The share of requests answered from a response cache, and of prompt tokens found in a prefix cache. */
    public record Caching(Double cacheHitRate, Double prefixCacheHitRate) {
    }

    /** A service tier: its share of the requests, its own latency target, and optionally a smaller model. */
    public record Tier(String name, double share, LatencyTarget latencyTargetMs, ModelInput model) {
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
    public enum Workload implements WireName {
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
    public enum Scaling implements WireName {
        ALWAYS_ON, AUTOSCALE, SERVERLESS
    }

    /** A share of the traffic served by another (usually smaller) model. */
    public record Routing(double share, ModelInput model, AcceleratorInput accelerator, Precision precision,
            Integer tensorParallel) {
    }

    // What-if copies: the advisor changes a validated request by value, never through JSON.

    /** The parts of a copy, changed by a what-if and assembled again. */
    private static final class Copy {
        Traffic traffic;
        Replica replica;
        Pricing pricing;
        LatencyTarget latencyTargetMs;
        Capacity capacity;
        Caching caching;
        Routing routing;
        List<Tier> tiers;
        Service service;
        Uncertain uncertain;

        Copy(InferenceInput in) {
            traffic = in.traffic;
            replica = in.replica;
            pricing = in.pricing;
            latencyTargetMs = in.latencyTargetMs;
            capacity = in.capacity;
            caching = in.caching;
            routing = in.routing;
            tiers = in.tiers;
            service = in.service;
            uncertain = in.uncertain;
        }

        InferenceInput build() {
            return new InferenceInput(traffic, replica, pricing, latencyTargetMs, capacity, caching, routing, tiers,
                    service, uncertain);
        }
    }

    private InferenceInput with(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.build();
    }

    /** One tier's part of this workload: its traffic and target (and model, resolved by the engine), no tiers. */
    public InferenceInput forTier(Tier t) {
        return with(c -> {
            c.traffic = traffic.withRequestsPerDay(traffic.requestsPerDay() * t.share());
            if (t.latencyTargetMs() != null) {
                c.latencyTargetMs = t.latencyTargetMs();
            }
            c.routing = null;
            c.tiers = null;
            c.uncertain = Uncertain.NONE;
        });
    }

    /** The whole workload on one fleet held to these targets, no tiers. */
    public InferenceInput sharedAt(LatencyTarget target) {
        return with(c -> {
            c.latencyTargetMs = target;
            c.routing = null;
            c.tiers = null;
        });
    }

    /** The same workload at another precision. */
    public InferenceInput withPrecision(Precision v) {
        return with(c -> c.replica = new Replica(replica.accelerator(), v, replica.tensorParallel(),
                replica.batchSize(), replica.stack()));
    }

    /** The same workload on another serving stack. */
    public InferenceInput withStack(Stack v) {
        return with(c -> c.replica = new Replica(replica.accelerator(), replica.precision(), replica.tensorParallel(),
                replica.batchSize(), v));
    }

    /** The same workload with another (or no) fixed batch. */
    public InferenceInput withBatchSize(Integer v) {
        return with(c -> c.replica = new Replica(replica.accelerator(), replica.precision(), replica.tensorParallel(),
                v, replica.stack()));
    }

    /** The same workload on another accelerator, with the replica shape chosen afresh. */
    public InferenceInput onAccelerator(AcceleratorInput a) {
        return with(c -> c.replica = new Replica(a, replica.precision(), null, null, replica.stack()));
    }

    /** The same workload with another response-cache hit rate. */
    public InferenceInput withCacheHitRate(Double v) {
        return with(c -> c.caching = new Caching(v, caching.prefixCacheHitRate()));
    }

    /** The same workload with a share routed to another model (or none). */
    public InferenceInput withRouting(Routing v) {
        return with(c -> c.routing = v);
    }

    /** The same fleet bought another way. */
    public InferenceInput withPricingMode(PricingMode v) {
        return with(c -> c.pricing = new Pricing(v, pricing.offer(), pricing.pricePerAcceleratorHourUsd()));
    }

    /** Whether the request fixes what an accelerator-hour costs: a named offer, or a price of its own. */
    public boolean fixesPrice() {
        return pricing.offer() != null || pricing.pricePerAcceleratorHourUsd() != null
                || (replica.accelerator() != null && replica.accelerator().pricePerHourUsd() != null);
    }

    /** The same workload bought from a catalog offer (or none). */
    public InferenceInput withOffer(String v) {
        return with(c -> c.pricing = new Pricing(pricing.pricingMode(), v, pricing.pricePerAcceleratorHourUsd()));
    }

    /** The same fleet scaled another way. */
    public InferenceInput withScaling(Scaling v) {
        return with(c -> c.capacity = new Capacity(v, capacity.minReplicas(), capacity.idleTimeoutSeconds(),
                capacity.targetUtilization()));
    }

    /** The same workload flattened over the day (no peak), e.g. a batch queue run off-peak. */
    public InferenceInput flattened() {
        return with(c -> c.traffic = traffic.flattened());
    }

    /** The same workload served another way (e.g. bought from a hosted API). */
    public InferenceInput withService(Service v) {
        return with(c -> c.service = v);
    }

    /** The routed share of this workload: its own traffic and replica, no cache (hits were served before routing). */
    public InferenceInput routedShare(double rpd, AcceleratorInput a, Precision p, Integer tp, Scaling s) {
        return with(c -> {
            c.traffic = traffic.withRequestsPerDay(rpd);
            c.replica = new Replica(a, p, tp, null, replica.stack());
            c.capacity = new Capacity(s, capacity.minReplicas(), capacity.idleTimeoutSeconds(),
                    capacity.targetUtilization());
            c.caching = new Caching(0.0, caching.prefixCacheHitRate());
            c.routing = null;
            c.tiers = null;
            c.service = new Service(service.workload(), service.burstPricingMode(), new Operations(null, null, 0.0),
                    null);
            c.uncertain = Uncertain.NONE;
        });
    }
}
