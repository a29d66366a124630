package dev.aicost.engine;

import dev.aicost.catalog.Accelerator;
import dev.aicost.request.InferenceInput.LatencyTarget;
import dev.aicost.request.InferenceInput.Scaling;
import java.util.Arrays;
import dev.aicost.request.InvalidRequestException;

/**
 * A lower bound on what the base request's serving would cost over its lifecycle on another
 * accelerator, from two facts the full run cannot beat: every request needs at least its FLOPs
 * (2 · active parameters per prefilled and per generated token) at the efficiencies of
 * {@link ServingModel}, sized for the peak hour (always-on) or each hour of the day (autoscaled), and a
 * fleet never has fewer than {@code minReplicas} replicas of the smallest tensor-parallel degree that
 * holds the weights; the people who run it cost what they cost on the base accelerator. The catalog
 * search skips an accelerator whose bound already exceeds the cheapest fleet found, and refines the
 * bound ({@link #refined}) before it runs one.
 *
 * @param offer the offer it is priced at (null: the accelerator's default)
 * @param order the accelerator's catalog row, for ties
 */
record ServingBound(Accelerator accelerator, String offer, double lifecycleUsd, int order, double pricePerHourUsd) {

    /** The day's hourly weights (mean 1) from quietest to busiest, and each one's sum with the busier ones. */
    record Day(double[] sorted, double[] busierSum) {
        static Day of(double[] shape) {
            double[] sorted = shape.clone();
            Arrays.sort(sorted);
            double[] busierSum = new double[sorted.length + 1];
            for (int h = sorted.length - 1; h >= 0; h--) {
                busierSum[h] = busierSum[h + 1] + sorted[h];
            }
            return new Day(sorted, busierSum);
        }
    }

    /** The bound, or null where the full run would be refused anyway (no price, does not fit). */
    static ServingBound of(Hardware hardware, Estimate base, Day day, Accelerator a, String offer, int order) {
        InferenceEstimator.Result inference = base.inference();
        if (inference.fleet().pricing().hostedApi() || inference.fleet().pricing().serverless() != null) {
            return null; // bought per request (no fleet to move), or per serverless second (not rented hours)
        }
        ServingModel replica = inference.fleet().replica();
        Fleet.Workload workload = inference.fleet().workload();
        double pricePerHour;
        try {
            pricePerHour = hardware.price(a, inference.pricingMode(), offer, null, null, base.owned(), true,
                    base.energy(), "inference", Notes.silent()).perHourUsd();
            Fleet.Pricing p = inference.fleet().pricing();
            if (p.committed() && p.burstMode() != null) { // hours above the baseline may be cheaper than committed ones
                pricePerHour = Math.min(pricePerHour, hardware.burst(a, p.burstMode(), offer, pricePerHour,
                        base.energy(), "inference", Notes.silent()).perHourUsd());
            }
        } catch (InvalidRequestException e) {
            return null;
        }
        ServingModel smallest = null;
        for (int tp : ReplicaChoice.TP_CHOICES) {
            ServingModel m = new ServingModel(replica.model, a, inference.precision(), tp, replica.inputTokens,
                    replica.outputTokens, replica.prefixCacheHitRate);
            if (m.fits()) {
                smallest = m;
                break;
            }
        }
        if (smallest == null) {
            return null;
        }
        double total = lifecycleUsd(base, day, smallest.minAcceleratorSecondsPerRequest(), smallest.tp, pricePerHour);
        return new ServingBound(a, offer, total, order, pricePerHour);
    }

    /**
     * A tighter bound for a candidate the cheap one could not rule out, from the operating point the
     * full run would choose on each tensor-parallel degree ({@link ReplicaChoice#operatingPoint}: the
     * largest batch within the latency target, so decode's memory time and the target's limit on the
     * batch count, not only the FLOPs), leaving out only the rounding up to whole replicas. The full
     * run picks one of these degrees, so the cheapest of them is a lower bound. Returns null where the
     * full run would be refused: no degree meets the target that the base run met.
     *
     * @param target the latency target the what-if run is held to (null: none)
     * @param mustMeet the base run met its target, so a result that misses it is refused
     */
    ServingBound refined(Estimate base, Day day, LatencyTarget target, boolean mustMeet) {
        ServingModel replica = base.inference().fleet().replica();
        double best = Double.POSITIVE_INFINITY;
        for (int tp : ReplicaChoice.TP_CHOICES) {
            ServingModel m = new ServingModel(replica.model, accelerator, base.inference().precision(), tp,
                    replica.inputTokens, replica.outputTokens, replica.prefixCacheHitRate);
            if (!m.fits()) {
                continue;
            }
            ServingModel.Point p = ReplicaChoice.operatingPoint(m, null, target);
            if (mustMeet && !ReplicaChoice.meets(p, target)) {
                continue;
            }
            best = Math.min(best, lifecycleUsd(base, day, tp / p.requestsPerSecond(), tp, pricePerHourUsd));
        }
        return best == Double.POSITIVE_INFINITY ? null : new ServingBound(accelerator, offer, best, order, pricePerHourUsd);
    }

    /**
     * Serving spend over the lifecycle at best for a fleet whose requests each take
     * {@code acceleratorSecondsPerRequest} on replicas of {@code tp} accelerators: accelerators kept
     * busy at the mean rate (sized for the peak when always on), never fewer than the minimum
     * replicas, at {@code pricePerHour}, plus the fleet's operations, with the yearly price decline,
     * less the cents the lifecycle's rounding could take off.
     */
    private static double lifecycleUsd(Estimate base, Day day, double acceleratorSecondsPerRequest, int tp,
            double pricePerHour) {
        Fleet.Workload workload = base.inference().fleet().workload();
        double minAccelerators = (double) workload.minReplicas() * tp;
        // The people who run the fleet cost the same on any accelerator (service tiers share theirs
        // out in their own way: left out there, which keeps the bound a bound).
        double operations = base.inference().report().tiers() == null
                ? base.inference().fleet().pricing().operationsMonthlyUsd() : 0;
        double[] sorted = day.sorted();
        double[] busierSum = day.busierSum();
        double quietest = sorted[0];
        double total = 0;
        int months = 0;
        for (int m = base.servingStartMonth(); m <= base.horizonMonths(); m++) {
            double rpd = base.traffic()[m - base.servingStartMonth()];
            // Accelerators kept busy at the day's mean request rate, at best.
            double busy = rpd * workload.servedShare() / Num.SECONDS_PER_DAY * acceleratorSecondsPerRequest;
            double hours;
            if (workload.scaling() == Scaling.ALWAYS_ON) { // sized for the peak hour, all day (capped like Fleet)
                double peak = Math.min(busy * workload.peakToAverage(), (double) Fleet.MAX_REPLICAS * tp);
                hours = Math.max(minAccelerators, peak) * Num.HOURS_PER_MONTH;
            } else if (busy * quietest >= minAccelerators) { // each hour sized for its own traffic: the mean
                hours = busy * Num.HOURS_PER_MONTH;
            } else { // ... with the minimum fleet in the hours quieter than minAccelerators / busy
                int quiet = 0;
                while (quiet < sorted.length && busy * sorted[quiet] < minAccelerators) {
                    quiet++;
                }
                double sum = minAccelerators * quiet + busy * busierSum[quiet];
                hours = sum / sorted.length * Num.HOURS_PER_MONTH;
            }
            double priceFactor = base.priceDeclinePerYear() == 0 ? 1.0
                    : Math.pow(1.0 - base.priceDeclinePerYear(), (m - 1) / 12.0);
            total += (hours * pricePerHour + operations) * priceFactor;
            months++;
        }
        // The lifecycle rounds each month (and its running sum) to the cent: allow for that.
        return total * (1 - 1e-9) - 0.011 * months;
    }
}
