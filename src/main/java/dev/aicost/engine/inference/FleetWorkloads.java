package dev.aicost.engine.inference;

import dev.aicost.engine.billing.Fleet;
import dev.aicost.engine.core.Notes;
import dev.aicost.engine.core.Num;
import dev.aicost.engine.serving.DailyShape;
import dev.aicost.request.InferenceInput;
import dev.aicost.request.InferenceInput.Scaling;
import dev.aicost.request.InferenceInput.Workload;

/**
 * What a serving fleet is sized for: the day's shape of the traffic, how the fleet scales, the replicas it
 * keeps up and the headroom it keeps at its peak, each default stated.
 */
final class FleetWorkloads {
    /** Replicas a service keeps at least, unless the request says otherwise (one may fail or be redeployed). */
    static final int DEFAULT_MIN_REPLICAS = 2;
    /** The share of a replica's capacity a service uses in its peak hour (the rest absorbs bursts). */
    static final double DEFAULT_TARGET_UTILIZATION = 0.8;
    static final double DEFAULT_PEAK_TO_AVERAGE = 2.0;
    private final DailyShape days = new DailyShape();

    /** The daily shape, scaling, minimum replicas, cache and routing the fleet is sized for. */
    Fleet.Workload of(InferenceInput in, String path, Notes notes) {
        double[] shape;
        double peakToAverage;
        if (in.traffic().hourlyShape() != null) {
            shape = DailyShape.normalised(in.traffic().hourlyShape());
            peakToAverage = DailyShape.max(shape);
            notes.assume(path, ".peakToAverage", Num.shown(peakToAverage), () -> "from the request's hourlyShape"
                    + (in.traffic().peakToAverage() != null ? " (the shape wins over the peakToAverage of "
                            + Num.show(in.traffic().peakToAverage()) + " also given)" : ""));
        } else {
            Double given = in.traffic().peakToAverage();
            peakToAverage = given != null ? given : DEFAULT_PEAK_TO_AVERAGE;
            if (in.traffic().peakToAverage() == null) {
                notes.assume(path, ".peakToAverage", Num.shown(peakToAverage), "daily peak over the average "
                        + "for user-facing traffic (busiest hour ≈ 2× the daily mean)");
            }
            shape = days.smooth(peakToAverage);
        }
        Scaling scaling = notes.orDefault(in.capacity().scaling(), Scaling.ALWAYS_ON, path, ".scaling",
                "a 24/7 fleet sized for the daily peak");
        // A service people wait on keeps headroom at its peak and a second copy (a replica lost to a failure
        // or a deployment must not take it down); a batch job runs its replicas full and tolerates a restart.
        boolean service = scaling != Scaling.SERVERLESS && in.service().hostedApi() == null
                && in.service().workload() != Workload.BATCH;
        Integer minReplicas = in.capacity().minReplicas();
        int min;
        if (minReplicas != null) {
            min = minReplicas;
        } else if (service) {
            min = DEFAULT_MIN_REPLICAS;
            notes.assume(path, ".minReplicas", String.valueOf(min), "two replicas at least, so that a failed or "
                    + "redeployed replica leaves the service up (set minReplicas 1 to run a single copy)");
        } else {
            min = scaling == Scaling.SERVERLESS ? 0 : 1;
        }
        Double given = in.capacity().targetUtilization();
        double target = 1.0;
        if (given != null) {
            target = given;
        } else if (service) {
            target = DEFAULT_TARGET_UTILIZATION;
            notes.assume(path, ".targetUtilization", Num.shown(target), "replicas are sized to run at most 80 % "
                    + "busy in the peak hour: headroom for bursts within the hour (set 1 to size them full)");
        }
        return new Fleet.Workload(peakToAverage, shape, scaling, min,
                in.caching().cacheHitRate() != null ? in.caching().cacheHitRate() : 0.0,
                in.routing() != null ? in.routing().share() : 0, target);
    }
}
