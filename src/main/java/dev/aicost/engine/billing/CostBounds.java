package dev.aicost.engine.billing;

import dev.aicost.engine.core.Num;

/**
 * What the break-even search needs of a fleet's monthly cost: straight lines it stays between, and
 * a bound convex in traffic.
 */
final class CostBounds {
    private CostBounds() {
    }

    /**
     * A bound on {@link Fleet#monthlyCostUsd} at every traffic in [{@code x}, {@code top}] that is convex in
     * {@code x} and equals the cost at {@code top} when {@code x = top}: the break-even search proves a
     * whole interval cheaper than an API by checking it at the two ends. A staircase is bounded by its
     * cost at the top; serverless workers by their busy share at {@code x} (a straight line) and their
     * idle share at {@code top} (it only grows with traffic), which is far tighter on a smooth cost.
     */
    /**
     * Whether no hour of a serverless fleet needs more than one busy worker up to {@code top}: below that
     * its cost rises smoothly and {@link #monthlyCostBoundUsd} bounds it; above, whole workers make it a
     * staircase with flat steps (no bound needed to search it).
     */
    static boolean withinOneWorker(Fleet f, double top) {
        double share = f.workload().servedShare() / Num.SECONDS_PER_DAY;
        double perWorker = f.point().requestsPerSecond();
        for (double w : f.workload().shape()) {
            if (top * share * w / perWorker > 1) {
                return false;
            }
        }
        return f.routed() == null || withinOneWorker(f.routed(), top * f.routedTrafficShare());
    }

    static double monthlyCostBoundUsd(Fleet f, double x, double top) {
        return fleetCostBoundUsd(f, x, top) + f.pricing().operationsMonthlyUsd();
    }

    private static double fleetCostBoundUsd(Fleet f, double x, double top) {
        double own;
        Serverless s = f.pricing().serverless();
        if (s != null && !f.pricing().hostedApi() && !f.pricing().committed()) {
            double share = f.workload().servedShare() / Num.SECONDS_PER_DAY;
            double perWorker = f.point().requestsPerSecond();
            int warm = f.workload().minReplicas();
            double workers = 0;
            for (double w : f.workload().shape()) {
                double atTop = top * share * w;
                double busy = x * share * w / perWorker;
                double idle = atTop > 0 ? 1 - s.coldShare(atTop) : 0;
                workers += Math.max(warm, Math.max(idle, busy));
            }
            own = workers / f.workload().shape().length * f.replica().tp * Num.HOURS_PER_MONTH
                    * f.pricing().pricePerHourUsd();
        } else {
            own = f.ownCostUsd(top);
        }
        return f.routed() == null ? own : own + fleetCostBoundUsd(f.routed(), x * f.routedTrafficShare(),
                top * f.routedTrafficShare());
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
