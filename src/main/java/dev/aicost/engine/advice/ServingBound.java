package dev.aicost.engine.advice;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.engine.billing.Fleet;
import dev.aicost.engine.core.Hardware;
import dev.aicost.engine.core.ModelResolver;
import dev.aicost.engine.core.Notes;
import dev.aicost.engine.core.Num;
import dev.aicost.engine.estimate.Estimate;
import dev.aicost.engine.inference.InferenceEstimator;
import dev.aicost.engine.inference.InstanceShapes;
import dev.aicost.engine.inference.ReplicaChoice;
import dev.aicost.engine.inference.Tiers;
import dev.aicost.engine.serving.ServingModel;
import dev.aicost.request.InferenceInput.LatencyTarget;
import dev.aicost.request.InferenceInput.Scaling;
import dev.aicost.request.InferenceInput.Tier;
import dev.aicost.request.InferenceInput;
import dev.aicost.request.InvalidRequestException;
import java.util.Arrays;
import java.util.List;

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
            if (offer == null) { // the fleet may rent another of the provider's instance sizes, priced its own way
                pricePerHour = Math.min(pricePerHour, InstanceShapes.lowestPrice(hardware, a, inference.pricingMode()));
            }
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
                    replica.outputTokens, replica.prefixCacheHitRate, replica.stack);
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
     * The tighter bound for the what-if that moves serving onto this candidate: {@link #refinedTiers}
     * for service tiers, else {@link #refined} held to the target the freed run gets; null where that
     * run would be refused.
     *
     * @param freed the request's serving input with the tensor-parallel degree and batch freed, as the
     *        what-if runs it
     */
    ServingBound tightened(Estimate base, Day day, InferenceInput freed, ModelResolver models) {
        return freed.tiers() != null && !freed.tiers().isEmpty() ? refinedTiers(base, day, freed, models)
                : refined(base, day, InferenceEstimator.target(base.model(), freed), base.inference().latencyTargetMet());
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
        double fleet = cheapestFleetUsd(base, day, base.model(), target, mustMeet,
                base.inference().fleet().workload().servedShare());
        return fleet == Double.POSITIVE_INFINITY ? null
                : new ServingBound(accelerator, offer, bounded(base, fleet + operationsUsd(base, operations(base))),
                        order, pricePerHourUsd);
    }

    /**
     * As {@link #refined}, for a request with service tiers: the run gives each tier its own fleet
     * (each tier's share of the requests, as the chain of tier fleets passes them on, at its own
     * target and model) or, where every tier has the request's model, one shared fleet held to the
     * strictest target if that is cheaper. So the cheaper of the two bounds is a bound. Nothing is
     * refused here (which result the run keeps decides its latency), only what cannot win skipped.
     *
     * @param in the what-if's serving input (tensor-parallel degree and batch freed)
     */
    ServingBound refinedTiers(Estimate base, Day day, InferenceInput in, ModelResolver models) {
        List<Tier> tiers = in.tiers();
        int n = tiers.size();
        double cache = in.caching().cacheHitRate() == null ? 0 : in.caching().cacheHitRate();
        double[] routed = Tiers.passedOn(tiers); // each tier's fleet passes the later tiers' requests on
        double incoming = 1;
        double separate = 0;
        boolean oneModel = true;
        for (int k = 0; k < n; k++) {
            Tier t = tiers.get(k);
            double arriving = incoming * (1 - (k == 0 ? cache : 0));
            ModelSpec model = t.model() == null ? base.model()
                    : models.resolve(t.model(), "inference.tiers[" + k + "].model", Notes.silent());
            oneModel &= model == base.model() || model.equals(base.model());
            double tier = cheapestFleetUsd(base, day, model, InferenceEstimator.target(model, in.forTier(t)), false,
                    arriving * (1 - routed[k]));
            if (tier == Double.POSITIVE_INFINITY) {
                return null; // a tier that fits on no degree: the run is refused
            }
            separate += tier;
            incoming = arriving * routed[k];
        }
        double fleets = separate;
        if (oneModel) {
            LatencyTarget strictest = InferenceEstimator.target(base.model(),
                    in.sharedAt(Tiers.strictest(in.latencyTargetMs(), tiers)));
            fleets = Math.min(fleets, cheapestFleetUsd(base, day, base.model(), strictest, false, 1 - cache));
        }
        double total = bounded(base, fleets + operationsUsd(base, base.inference().fleet().pricing()
                .operationsMonthlyUsd()));
        return new ServingBound(accelerator, offer, total, order, pricePerHourUsd);
    }

    /**
     * The cheapest fleet spend over the degrees that fit (and, with {@code mustMeet}, meet the target)
     * for a model held to a target, at its operating point on each; +∞ where none qualifies.
     */
    private double cheapestFleetUsd(Estimate base, Day day, ModelSpec model, LatencyTarget target, boolean mustMeet,
            double servedShare) {
        ServingModel replica = base.inference().fleet().replica();
        double best = Double.POSITIVE_INFINITY;
        for (int tp : ReplicaChoice.TP_CHOICES) {
            ServingModel m = new ServingModel(model, accelerator, base.inference().precision(), tp,
                    replica.inputTokens, replica.outputTokens, replica.prefixCacheHitRate, replica.stack);
            if (m.fits()) {
                ServingModel.Point p = ReplicaChoice.operatingPoint(m, null, target);
                if (!mustMeet || ReplicaChoice.meets(p, target)) {
                    best = Math.min(best, fleetUsd(base, day, tp / p.requestsPerSecond(), tp, pricePerHourUsd,
                            servedShare));
                }
            }
        }
        return best;
    }

    /**
     * Serving spend over the lifecycle at best for the base run's fleet whose requests each take
     * {@code acceleratorSecondsPerRequest} on replicas of {@code tp} accelerators, plus the people who
     * run it.
     */
    private static double lifecycleUsd(Estimate base, Day day, double acceleratorSecondsPerRequest, int tp,
            double pricePerHour) {
        return bounded(base, fleetUsd(base, day, acceleratorSecondsPerRequest, tp, pricePerHour,
                base.inference().fleet().workload().servedShare()) + operationsUsd(base, operations(base)));
    }

    /**
     * The people who run the fleet each month: the same on any accelerator (service tiers share theirs
     * out in their own way: left out of the base fleet's bound, which keeps it a bound).
     */
    private static double operations(Estimate base) {
        return base.inference().report().tiers() == null
                ? base.inference().fleet().pricing().operationsMonthlyUsd() : 0;
    }

    /**
     * A fleet serving {@code servedShare} of the requests at best: accelerators kept busy at the mean
     * rate (sized for the peak when always on), never fewer than the minimum replicas, at
     * {@code pricePerHour} with the yearly price decline.
     */
    private static double fleetUsd(Estimate base, Day day, double acceleratorSecondsPerRequest, int tp,
            double pricePerHour, double servedShare) {
        Fleet.Workload workload = base.inference().fleet().workload();
        double minAccelerators = (double) workload.minReplicas() * tp;
        double[] sorted = day.sorted();
        double[] busierSum = day.busierSum();
        double quietest = sorted[0];
        double total = 0;
        for (int m = base.servingStartMonth(); m <= base.horizonMonths(); m++) {
            double rpd = base.traffic()[m - base.servingStartMonth()];
            // Accelerators kept busy at the day's mean request rate, at best.
            double busy = rpd * servedShare / Num.SECONDS_PER_DAY * acceleratorSecondsPerRequest;
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
            total += hours * pricePerHour * priceFactor(base, m);
        }
        return total;
    }

    /** The people who run the fleet over the serving months, with the yearly price decline. */
    private static double operationsUsd(Estimate base, double monthlyUsd) {
        double total = 0;
        for (int m = base.servingStartMonth(); m <= base.horizonMonths(); m++) {
            total += monthlyUsd * priceFactor(base, m);
        }
        return total;
    }

    private static double priceFactor(Estimate base, int month) {
        return base.priceDeclinePerYear() == 0 ? 1.0 : Math.pow(1.0 - base.priceDeclinePerYear(), (month - 1) / 12.0);
    }

    /** The lifecycle rounds each month (and its running sum) to the cent: allow for that. */
    private static double bounded(Estimate base, double total) {
        return total * (1 - 1e-9) - 0.011 * (base.horizonMonths() - base.servingStartMonth() + 1);
    }
}
