package dev.aicost.report;

import java.util.List;

/** The serving half of a report: the operating point, the fleet and the money. */
public record InferenceReport(
        String accelerator,
        String precision,
        int tensorParallel,
        int batchSize,
        int maxBatchSize,
        String boundBy,
        double tokensPerSecondPerAccelerator,
        double requestsPerSecondPerReplica,
        double ttftMs,
        double tpotMs,
        double e2eMs,
        boolean latencyTargetMet,
        double weightsGbPerAccelerator,
        double kvCacheBytesPerToken,
        double requestsPerDay,
        double servedRequestsPerDay,
        double peakRequestsPerSecond,
        String scaling,
        int replicas,
        int accelerators,
        double acceleratorHoursPerMonth,
        double utilization,
        String pricingMode,
        String offer,
        double pricePerAcceleratorHourUsd,
        double monthlyCostUsd,
        double costPerRequestUsd,
        double costPerMillionInputTokensUsd,
        double costPerMillionOutputTokensUsd,
        RoutingReport routing,
        List<HostedApiComparison> hostedApis) {

    /** The share of traffic served by a smaller model, estimated with the same engine. */
    public record RoutingReport(
            double share,
            String model,
            String accelerator,
            String precision,
            int tensorParallel,
            int accelerators,
            double ttftMs,
            double tpotMs,
            double monthlyCostUsd) {
    }

    /** The same workload bought as tokens from a hosted API. */
    public record HostedApiComparison(
            String id,
            String provider,
            String model,
            double monthlyCostUsd,
            double costPerRequestUsd,
            boolean selfHostingCheaper,
            Double breakEvenRequestsPerDay,
            String source) {
    }
}
