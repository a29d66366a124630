package dev.aicost.engine.billing;

import dev.aicost.engine.core.Num;

/**
 * What the break-even search needs of a fleet's monthly cost: the straight lines it stays between.
 */
final class CostBounds {
    private CostBounds() {
    }

    /** Fleet cost is at least {@code lowSlope · r + operations} ($ per month per request per day). */
    static double lowSlopeUsd(Fleet f) {
        return slope(f, false);
    }

    /** ... and at most {@code highSlope · r + stepsUsd + operations}. */
    static double highSlopeUsd(Fleet f) {
        return slope(f, true);
    }

    private static double slope(Fleet f, boolean high) {
        double own = f.pricing().hostedApi() ? f.pricing().apiPerRequestUsd() * Num.DAYS_PER_MONTH
                : f.replicasPerRequestPerDay() * f.replica().tp * Num.HOURS_PER_MONTH
                        * (high ? f.pricing().highestRate() : f.pricing().lowestRate());
        return f.routed() == null ? own : own + f.routedTrafficShare() * slope(f.routed(), high);
    }

    /** The most the whole replicas (and the minimum fleet) add above the straight line. */
    static double stepsUsd(Fleet f) {
        double own = f.pricing().hostedApi() ? 0
                : (f.pricing().serverless() != null ? f.workload().minReplicas() + f.pricing().serverless().overheadWorkers()
                        : Math.max(1, f.workload().minReplicas())) * f.replica().tp * Num.HOURS_PER_MONTH
                                * f.pricing().highestRate()
                        // whole instances: at most an instance's other accelerators above the replicas
                        + (f.pricing().acceleratorsPerInstance() - 1) * Num.HOURS_PER_MONTH * f.pricing().highestRate();
        return f.routed() == null ? own : own + stepsUsd(f.routed());
    }
}
