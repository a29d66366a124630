package dev.aicost.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * The serving half of a report: the operating point, the traffic, the fleet and the money. The
 * groups are unwrapped, so their fields sit directly under {@code inference} (the public paths).
 */
public record InferenceReport(
        String accelerator,
        String precision,
        @JsonUnwrapped OperatingPoint point,
        @JsonUnwrapped Traffic traffic,
        @JsonUnwrapped FleetSize fleet,
        @JsonUnwrapped Cost cost,
        RoutingReport routing,
        List<HostedApiComparison> hostedApis,
        @JsonUnwrapped Economics economics,
        InferenceRanges ranges,
        String tierFleet,
        List<TierReport> tiers) {

    /** The report before its ranges are known (the engine adds them once the whole estimate is done). */
    public InferenceReport(String accelerator, String precision, OperatingPoint point, Traffic traffic,
            FleetSize fleet, Cost cost, RoutingReport routing, List<HostedApiComparison> hostedApis,
            Economics economics) {
        this(accelerator, precision, point, traffic, fleet, cost, routing, hostedApis, economics, null, null, null);
    }

    public InferenceReport withRanges(InferenceRanges v) {
        return new InferenceReport(accelerator, precision, point, traffic, fleet, cost, routing, hostedApis, economics, v,
                tierFleet, tiers);
    }

    /** The same report with its service tiers and how their fleet is organised ("shared" or "separate"). */
    public InferenceReport withTiers(String fleetKind, List<TierReport> v) {
        return new InferenceReport(accelerator, precision, point, traffic, fleet, cost, routing, hostedApis, economics,
                ranges, fleetKind, v);
    }

    /**
     * One service tier: its share of the requests, the model and latency it gets, the accelerators it
     * runs on (the whole fleet where tiers share one), its part of the monthly cost (the tiers add up to
     * {@code monthlyCostUsd}), per request, and how much more per request than the cheapest tier.
     */
    public record TierReport(String name, double share, String model, double ttftMs, double tpotMs, int accelerators,
            double monthlyCostUsd, double costPerRequestUsd, double premiumPercent) {
    }

    /** P10–P90 of the headline figures (docs/ranges.md). */
    public record InferenceRanges(Range tokensPerSecondPerAccelerator, Range ttftMs, Range tpotMs,
            Range monthlyCostUsd, Range costPerRequestUsd) {
    }

    /**
     * How the month's serving bill is made up: the fleet, the people who run it, how committed capacity
     * was bought (null when none) and owned hardware's hourly cost (null unless owned).
     */
    public record Economics(String workload, double fleetMonthlyCostUsd, double operationsMonthlyCostUsd,
            Capacity capacity, OwnedCost ownedCost, String hostedApi, Double coldStartMs, Double coldStartShare) {
    }

    /** Committed capacity (reserved, savings plan or owned) and what bursts above it, in the first serving month. */
    public record Capacity(String committedPricingMode, int committedAccelerators, double committedUsd,
            String burstPricingMode, double burstPricePerAcceleratorHourUsd, double burstAcceleratorHoursPerMonth,
            double burstUsd) {
    }

    /** One replica at its chosen concurrency. */
    public record OperatingPoint(
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
            double kvCacheBytesPerToken) {
    }

    /** The first serving month's traffic: as sent, after the response cache, and at the daily peak. */
    public record Traffic(double requestsPerDay, double servedRequestsPerDay, double peakRequestsPerSecond) {
    }

    /** How many replicas and accelerator-hours carry that traffic. */
    /**
     * @param instances whole instances billed at the peak when the offer rents several accelerators per
     *        instance (null otherwise), and {@code acceleratorsPerInstance} how many each holds: replicas are
     *        packed onto them and {@code billedAccelerators} (their accelerators) are paid for, used or not,
     *        {@code idleAccelerators} of them idle at the peak ({@code idleAcceleratorsPerInstance} on average on
     *        each instance); {@code instanceType} is the provider's name
     */
    public record FleetSize(String scaling, int replicas, int accelerators, double acceleratorHoursPerMonth,
            double utilization, Integer instances, Integer acceleratorsPerInstance, Integer billedAccelerators,
            String instanceType, Integer idleAccelerators, Double targetUtilization, Double headroomMonthlyUsd,
            Double idleAcceleratorsPerInstance) {
        public FleetSize(String scaling, int replicas, int accelerators, double acceleratorHoursPerMonth,
                double utilization) {
            this(scaling, replicas, accelerators, acceleratorHoursPerMonth, utilization, null, null, null, null, null,
                    null, null, null);
        }

        /** The fleet on whole instances of {@code per} accelerators ({@code type}, the provider's name for them). */
        public static FleetSize onInstances(String scaling, int replicas, int accelerators, double hours,
                double utilization, int billed, int per, String type) {
            int instances = billed / per;
            return new FleetSize(scaling, replicas, accelerators, hours, utilization, instances, per, billed, type,
                    billed - accelerators, null, null,
                    instances == 0 ? null : Math.round((billed - accelerators) * 100.0 / instances) / 100.0);
        }

        /**
         * The same fleet with its target peak utilisation and what its headroom and redundancy cost a month
         * (the bill less the same fleet run full, with a single replica unless the request asked for more).
         */
        public FleetSize withHeadroom(double target, double headroomUsd) {
            return new FleetSize(scaling, replicas, accelerators, acceleratorHoursPerMonth, utilization, instances,
                    acceleratorsPerInstance, billedAccelerators, instanceType, idleAccelerators, target, headroomUsd,
                    idleAcceleratorsPerInstance);
        }
    }

    /** What the fleet costs, per hour, month, request and million tokens. */
    public record Cost(
            String pricingMode,
            String offer,
            double pricePerAcceleratorHourUsd,
            double monthlyCostUsd,
            double costPerRequestUsd,
            double costPerMillionInputTokensUsd,
            double costPerMillionOutputTokensUsd) {
    }

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
            String source,
            boolean sameModel) {
    }
}
