package dev.aicost.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The training half of a report: the work, the cluster running it, time, money, energy and memory.
 * The groups are unwrapped, so their fields sit directly under {@code training} (the public paths).
 */
public record TrainingReport(
        String kind,
        @JsonUnwrapped Work work,
        @JsonUnwrapped Cluster cluster,
        @JsonUnwrapped Duration duration,
        @JsonUnwrapped Pricing pricing,
        double costUsd,
        TrainingBreakdown breakdown,
        @JsonUnwrapped Energy energy,
        MemoryPlan memoryPlan,
        Retraining retraining,
        OwnedCost ownedCost,
        TrainingRanges ranges) {

    /** The report before its ranges are known (the engine adds them once the whole estimate is done). */
    public TrainingReport(String kind, Work work, Cluster cluster, Duration duration, Pricing pricing, double costUsd,
            TrainingBreakdown breakdown, Energy energy, MemoryPlan memoryPlan, Retraining retraining,
            OwnedCost ownedCost) {
        this(kind, work, cluster, duration, pricing, costUsd, breakdown, energy, memoryPlan, retraining, ownedCost,
                null);
    }

    public TrainingReport withRanges(TrainingRanges v) {
        return new TrainingReport(kind, work, cluster, duration, pricing, costUsd, breakdown, energy, memoryPlan,
                retraining, ownedCost, v);
    }

    /** P10–P90 of the headline figures (docs/ranges.md). */
    public record TrainingRanges(Range acceleratorHours, Range wallClockDays, Range costUsd) {
    }

    /** What is computed: tokens, model FLOPs, and the FLOPs the hardware executes (with attention). */
    public record Work(double tokens, double flops, double executedFlops) {
    }

    /** What runs it and how well: accelerators, precision, utilisation. */
    public record Cluster(String accelerator, String precision, int accelerators, double mfu, double goodput,
            double effectiveTflopsPerAccelerator) {
    }

    /** How long: accelerator-hours and wall-clock days. */
    public record Duration(double acceleratorHours, double wallClockDays) {
    }

    /** How the accelerator-hours are bought. */
    public record Pricing(String pricingMode, String offer, double pricePerAcceleratorHourUsd) {
    }

    /** Energy drawn and the CO2 of the region's grid. */
    public record Energy(double energyKwh, double co2Tonnes) {
    }

    /** What {@code costUsd} is made of; the parts sum to it. */
    public record TrainingBreakdown(
            double computeUsd,
            double restartOverheadUsd,
            double powerUsd,
            double experimentsUsd,
            double engineeringUsd) {
    }

    /** Where the training state lives and the fewest accelerators that hold it. */
    public record MemoryPlan(
            double trainableParameters,
            double bytesPerTrainableParameter,
            double modelStatesGb,
            double activationsGbPerAccelerator,
            int minAccelerators,
            int tensorParallel,
            String strategy,
            boolean fits) {

        /** The same plan, saying whether the accelerators chosen hold it. */
        public MemoryPlan withFits(boolean v) {
            return new MemoryPlan(trainableParameters, bytesPerTrainableParameter, modelStatesGb,
                    activationsGbPerAccelerator, minAccelerators, tensorParallel, strategy, v);
        }
    }

    /** The retraining cadence, if any: each later run's tokens and cost. */
    public record Retraining(double everyMonths, double tokens, double acceleratorHours, double costPerRunUsd) {
    }
}
