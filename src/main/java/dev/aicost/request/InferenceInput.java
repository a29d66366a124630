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
        Integer minReplicas) {

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

    /** ALWAYS_ON: a 24/7 fleet sized for the peak. AUTOSCALE: replicas follow the daily shape. */
    public enum Scaling {
        ALWAYS_ON("always-on"), AUTOSCALE("autoscale");

        private final String wireName;

        Scaling(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** A share of the traffic served by another (usually smaller) model. */
    public record Routing(double share, ModelInput model, AcceleratorInput accelerator, Precision precision,
            Integer tensorParallel) {
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copies an inference input with some fields changed (the routed model's estimate). */
    public static final class Builder {
        private Double requestsPerDay;
        private Double users;
        private Integer inputTokens;
        private Integer outputTokens;
        private AcceleratorInput accelerator;
        private Precision precision;
        private Integer tensorParallel;
        private Integer batchSize;
        private PricingMode pricingMode;
        private String offer;
        private Double pricePerAcceleratorHourUsd;
        private LatencyTarget latencyTargetMs;
        private Double peakToAverage;
        private Scaling scaling;
        private double[] hourlyShape;
        private Double cacheHitRate;
        private Double prefixCacheHitRate;
        private Routing routing;
        private Double monthlyGrowth;
        private Integer startMonth;
        private Integer minReplicas;

        Builder(InferenceInput i) {
            requestsPerDay = i.requestsPerDay; users = i.users; inputTokens = i.inputTokens;
            outputTokens = i.outputTokens; accelerator = i.accelerator; precision = i.precision;
            tensorParallel = i.tensorParallel; batchSize = i.batchSize; pricingMode = i.pricingMode; offer = i.offer;
            pricePerAcceleratorHourUsd = i.pricePerAcceleratorHourUsd; latencyTargetMs = i.latencyTargetMs;
            peakToAverage = i.peakToAverage; scaling = i.scaling; hourlyShape = i.hourlyShape;
            cacheHitRate = i.cacheHitRate; prefixCacheHitRate = i.prefixCacheHitRate; routing = i.routing;
            monthlyGrowth = i.monthlyGrowth; startMonth = i.startMonth; minReplicas = i.minReplicas;
        }

        public Builder requestsPerDay(Double v) { requestsPerDay = v; return this; }
        public Builder accelerator(AcceleratorInput v) { accelerator = v; return this; }
        public Builder precision(Precision v) { precision = v; return this; }
        public Builder tensorParallel(Integer v) { tensorParallel = v; return this; }
        public Builder batchSize(Integer v) { batchSize = v; return this; }
        public Builder scaling(Scaling v) { scaling = v; return this; }
        public Builder cacheHitRate(Double v) { cacheHitRate = v; return this; }
        public Builder routing(Routing v) { routing = v; return this; }

        public InferenceInput build() {
            return new InferenceInput(requestsPerDay, users, inputTokens, outputTokens, accelerator, precision,
                    tensorParallel, batchSize, pricingMode, offer, pricePerAcceleratorHourUsd, latencyTargetMs,
                    peakToAverage, scaling, hourlyShape, cacheHitRate, prefixCacheHitRate, routing, monthlyGrowth,
                    startMonth, minReplicas);
        }
    }
}
