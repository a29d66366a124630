package dev.aicost.engine;

import dev.aicost.request.InferenceInput.Scaling;

/**
 * A sized, priced serving fleet: replicas of one shape at one operating point, enough for the
 * peak (always-on) or for each hour of the daily shape (autoscale). {@link #monthlyCostUsd}
 * re-sizes it for any traffic level, which the lifecycle, the scale table and the hosted-API
 * break-even all use.
 */
record Fleet(ServingModel replica, ServingModel.Point point, Workload workload, double pricePerHourUsd,
        Fleet routed) {

    /** Replicas at most, so that replicas × tensor parallel × hours stays far from overflow at absurd traffic. */
    static final int MAX_REPLICAS = Integer.MAX_VALUE / 64;

    /** What the fleet must carry, independent of the replica shape. */
    record Workload(double peakToAverage, double[] shape, Scaling scaling, int minReplicas, double cacheHitRate,
            double routedShare) {

        /** Share of requests this fleet serves itself: not answered from the cache, not routed elsewhere. */
        double servedShare() {
            return (1.0 - cacheHitRate) * (1.0 - routedShare);
        }
    }

    /** The same workload on another replica shape, per accelerator-hour, without a routed fleet. */
    static Fleet sizing(Workload workload, ServingModel replica, ServingModel.Point point) {
        return new Fleet(replica, point, workload, 1.0, null);
    }

    int peakReplicas(double requestsPerDay) {
        double peak = requestsPerDay * workload.servedShare() / Num.SECONDS_PER_DAY * workload.peakToAverage();
        return (int) Math.max(workload.minReplicas(), Math.min(MAX_REPLICAS, Math.ceil(peak / point.requestsPerSecond())));
    }

    double acceleratorHoursPerMonth(double requestsPerDay) {
        if (workload.scaling() == Scaling.ALWAYS_ON) {
            return (double) peakReplicas(requestsPerDay) * replica.tp * Num.HOURS_PER_MONTH;
        }
        // Replicas needed in an hour of weight 1; one multiplication per hour (this loop is the hottest in the engine).
        double replicasAtMean = requestsPerDay * workload.servedShare() / Num.SECONDS_PER_DAY / point.requestsPerSecond();
        int min = workload.minReplicas();
        double replicaHours = 0;
        for (double w : workload.shape()) {
            replicaHours += Math.max(min, Math.ceil(replicasAtMean * w));
        }
        return replicaHours / workload.shape().length * replica.tp * Num.HOURS_PER_MONTH;
    }

    /** This fleet alone, without the routed one. */
    double ownCostUsd(double requestsPerDay) {
        return acceleratorHoursPerMonth(requestsPerDay) * pricePerHourUsd;
    }

    double monthlyCostUsd(double requestsPerDay) {
        double own = ownCostUsd(requestsPerDay);
        if (routed == null) {
            return own;
        }
        // The routed fleet sees the routed share of the post-cache traffic.
        return own + routed.ownCostUsd(requestsPerDay * (1.0 - workload.cacheHitRate()) * workload.routedShare());
    }
}
