package dev.aicost.report;

/** The training half of a report: compute, time, memory, money, energy. */
public record TrainingReport(
        String kind,
        double tokens,
        double flops,
        double executedFlops,
        String accelerator,
        String precision,
        int accelerators,
        double mfu,
        double goodput,
        double effectiveTflopsPerAccelerator,
        double acceleratorHours,
        double wallClockDays,
        String pricingMode,
        String offer,
        double pricePerAcceleratorHourUsd,
        double costUsd,
        TrainingBreakdown breakdown,
        double energyKwh,
        double co2Tonnes,
        MemoryPlan memoryPlan,
        Retraining retraining) {

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
