package dev.aicost.engine.billing;

import dev.aicost.catalog.PricingMode;
import dev.aicost.engine.core.Num;
import dev.aicost.engine.serving.ServingModel;
import dev.aicost.request.InferenceInput.Scaling;

/**
 * A sized, priced serving fleet: replicas of one shape at one operating point, enough for the
 * peak (always-on) or for each hour of the daily shape (autoscale), bought as {@link Pricing}
 * says, plus the people who run it. {@link #monthlyCostUsd} re-sizes it for any traffic level,
 * which the scale table and the hosted-API break-even use; {@link #monthlyCosts} prices the months
 * of a horizon, where a commitment's baseline is fixed for its whole term.
 */
public record Fleet(ServingModel replica, ServingModel.Point point, Workload workload, Pricing pricing, Fleet routed) {

    /** Replicas at most, so that replicas × tensor parallel × hours stays far from overflow at absurd traffic. */
    public static final int MAX_REPLICAS = Integer.MAX_VALUE / 64;
    static final int HOURS_PER_DAY = 24;

    /**
     * What the fleet must carry, independent of the replica shape. {@code targetUtilization}: the share of a
     * replica's capacity used at the peak (below 1 leaves headroom for bursts within the hour and a lost replica).
     */
    public record Workload(double peakToAverage, double[] shape, Scaling scaling, int minReplicas, double cacheHitRate,
            double routedShare, double targetUtilization) {
        /** A workload run at full capacity (no headroom). */
        public Workload(double peakToAverage, double[] shape, Scaling scaling, int minReplicas, double cacheHitRate,
                double routedShare) {
            this(peakToAverage, shape, scaling, minReplicas, cacheHitRate, routedShare, 1.0);
        }

        /** The same workload scaled another way. */
        public Workload withScaling(Scaling other) {
            return new Workload(peakToAverage, shape, other, minReplicas, cacheHitRate, routedShare, targetUtilization);
        }

        /**
         * The same workload run full (target utilisation 1) on one replica, or on the floor the request gave:
         * what the headroom and the second copy are measured against.
         */
        public Workload bare(boolean floorGiven) {
            return withHeadroom(floorGiven ? minReplicas : Math.min(1, minReplicas), 1.0);
        }

        /** The same workload with another floor of replicas and target utilisation. */
        public Workload withHeadroom(int replicas, double utilization) {
            return new Workload(peakToAverage, shape, scaling, replicas, cacheHitRate, routedShare, utilization);
        }

        /** Share of requests this fleet serves itself: not answered from the cache, not routed elsewhere. */
        public double servedShare() {
            return (1.0 - cacheHitRate) * (1.0 - routedShare);
        }
    }

    /**
     * How accelerator-hours are paid for. Pay-as-you-go ({@code termMonths} 0): every replica-hour at
     * {@code pricePerHourUsd}. Committed (a reservation, a savings plan, owned hardware): a baseline of
     * replicas is paid for every hour of each {@code termMonths}-month term at {@code pricePerHourUsd},
     * used or not, and what the baseline cannot carry bursts at {@code burstPricePerHourUsd}.
     * {@code apiPerRequestUsd} (not NaN) replaces the fleet by a hosted API billed per request.
     */
    public record Pricing(double pricePerHourUsd, int termMonths, PricingMode burstMode, double burstPricePerHourUsd,
            double operationsMonthlyUsd, double apiPerRequestUsd, Serverless serverless, int acceleratorsPerInstance) {
        public Pricing(double pricePerHourUsd, int termMonths, PricingMode burstMode, double burstPricePerHourUsd,
                double operationsMonthlyUsd, double apiPerRequestUsd) {
            this(pricePerHourUsd, termMonths, burstMode, burstPricePerHourUsd, operationsMonthlyUsd, apiPerRequestUsd,
                    null, 1);
        }

        public Pricing(double pricePerHourUsd, int termMonths, PricingMode burstMode, double burstPricePerHourUsd,
                double operationsMonthlyUsd, double apiPerRequestUsd, Serverless serverless) {
            this(pricePerHourUsd, termMonths, burstMode, burstPricePerHourUsd, operationsMonthlyUsd, apiPerRequestUsd,
                    serverless, 1);
        }

        /**
         * The same prices on an offer rented in whole instances of {@code per} accelerators: replicas are
         * packed onto instances, and an instance's unused accelerators are paid for too.
         */
        public Pricing inInstancesOf(int per) {
            return new Pricing(pricePerHourUsd, termMonths, burstMode, burstPricePerHourUsd, operationsMonthlyUsd,
                    apiPerRequestUsd, serverless, Math.max(1, per));
        }

        static Pricing payAsYouGo(double pricePerHourUsd) {
            return new Pricing(pricePerHourUsd, 0, null, Double.NaN, 0, Double.NaN);
        }

        public boolean committed() {
            return termMonths > 0;
        }

        public boolean hostedApi() {
            return !Double.isNaN(apiPerRequestUsd);
        }

        /** The highest rate any accelerator-hour of this fleet is paid at (bounds the break-even search). */
        double highestRate() {
            return committed() ? Math.max(pricePerHourUsd, burstPricePerHourUsd) : pricePerHourUsd;
        }

        double lowestRate() {
            return committed() ? Math.min(pricePerHourUsd, burstPricePerHourUsd) : pricePerHourUsd;
        }
    }

    /** The same workload on another replica shape, per accelerator-hour, without a routed fleet. */
    public static Fleet sizing(Workload workload, ServingModel replica, ServingModel.Point point) {
        return new Fleet(replica, point, workload, PER_ACCELERATOR_HOUR, null);
    }

    private static final Pricing PER_ACCELERATOR_HOUR = Pricing.payAsYouGo(1.0);

    // Copies for the ranges: the same plan if the world were a little different.

    /** The same fleet if each replica (and each routed one) carried {@code factor} times the requests per second. */
    public Fleet withCapacity(double factor) {
        ServingModel.Point p = point;
        ServingModel.Point scaled = new ServingModel.Point(p.batch(), p.ttftMs(), p.tpotMs(), p.e2eMs(),
                p.requestsPerSecond() * factor, p.prefillShare(), p.memoryBound());
        return new Fleet(replica, scaled, workload, pricing, routed == null ? null : routed.withCapacity(factor));
    }

    /** The share of requests that meet a cold start over the day (0 unless serverless with no warm worker). */
    public double coldStartShare(double requestsPerDay) {
        Serverless s = pricing.serverless();
        if (s == null || workload.minReplicas() > 0 || requestsPerDay <= 0) {
            return 0;
        }
        double mean = requestsPerDay * workload.servedShare() / Num.SECONDS_PER_DAY;
        double cold = 0;
        double all = 0;
        for (double w : workload.shape()) {
            cold += mean * w * s.coldShare(mean * w);
            all += mean * w;
        }
        return all > 0 ? cold / all : 0;
    }

    /** The same fleet with another response-cache hit rate (a hosted API bills only the misses, too). */
    public Fleet withCacheHitRate(double hitRate) {
        Workload w = new Workload(workload.peakToAverage(), workload.shape(), workload.scaling(),
                workload.minReplicas(), hitRate, workload.routedShare(), workload.targetUtilization());
        Pricing p = pricing;
        if (p.hostedApi()) {
            p = new Pricing(p.pricePerHourUsd(), p.termMonths(), p.burstMode(), p.burstPricePerHourUsd(),
                    p.operationsMonthlyUsd(), p.apiPerRequestUsd() * (1 - hitRate) / (1 - workload.cacheHitRate()),
                    p.serverless(), p.acceleratorsPerInstance());
        }
        return new Fleet(replica, point, w, p, routed);
    }

    /**
     * Requests per second a replica is given to carry: its capacity at the operating point times the target
     * utilisation (serverless workers take one request at a time and are added by the provider: all of it).
     */
    double usableRequestsPerSecond() {
        return point.requestsPerSecond() * (pricing.serverless() != null ? 1.0 : workload.targetUtilization());
    }

    /** Replicas needed per (request per day) at the peak (always-on) or in an hour of weight 1 (autoscale). */
    double replicasPerRequestPerDay() {
        double perMean = workload.servedShare() / Num.SECONDS_PER_DAY / usableRequestsPerSecond();
        return workload.scaling() == Scaling.ALWAYS_ON ? perMean * workload.peakToAverage() : perMean;
    }

    /**
     * Accelerators billed for {@code replicas} replicas: whole instances of the offer, replicas packed onto
     * them (a 2-way replica on an 8-GPU instance pays for all 8).
     */
    public double billedAccelerators(double replicas) {
        double accelerators = replicas * replica.tp;
        int per = pricing.acceleratorsPerInstance();
        return per <= 1 ? accelerators : Math.ceil(accelerators / per - 1e-9) * per;
    }

    public int peakReplicas(double requestsPerDay) {
        if (pricing.hostedApi()) {
            return 0;
        }
        double peak = requestsPerDay * workload.servedShare() / Num.SECONDS_PER_DAY * workload.peakToAverage();
        double n = Math.ceil(peak / usableRequestsPerSecond());
        return (int) Math.max(workload.minReplicas(), Math.min(MAX_REPLICAS, n));
    }

    /**
     * Accelerator-hours billed in a day, Σ billed(max(min, ⌈atMean · weight⌉)) over the hours, where
     * {@code atMean} is the replicas an hour of weight 1 needs.
     */
    private double acceleratorHoursOfDay(double atMean, double[] shape, int min) {
        double sum = 0;
        for (double w : shape) {
            sum += billedAccelerators(Math.max(min, Math.ceil(atMean * w)));
        }
        return sum;
    }

    public double acceleratorHoursPerMonth(double requestsPerDay) {
        if (pricing.hostedApi()) {
            return 0;
        }
        if (pricing.serverless() != null) { // billed worker-seconds, hour by hour of the daily shape
            double mean = requestsPerDay * workload.servedShare() / Num.SECONDS_PER_DAY;
            double workers = 0;
            for (double w : workload.shape()) {
                workers += pricing.serverless().billedWorkers(mean * w, point.requestsPerSecond(), workload.minReplicas());
            }
            return workers / workload.shape().length * replica.tp * Num.HOURS_PER_MONTH;
        }
        if (workload.scaling() == Scaling.ALWAYS_ON) {
            return billedAccelerators(peakReplicas(requestsPerDay)) * Num.HOURS_PER_MONTH;
        }
        double acceleratorHours = acceleratorHoursOfDay(requestsPerDay * replicasPerRequestPerDay(), workload.shape(),
                workload.minReplicas());
        return acceleratorHours / workload.shape().length * Num.HOURS_PER_MONTH;
    }

    /**
     * At most {@link #acceleratorHoursPerMonth}, without sizing each hour: an hour never needs fewer
     * than the minimum fleet or than its traffic's share of whole replicas (the day's weights average
     * 1, so the hours above the minimum add up to at least the mean's replicas all day). Lets the
     * replica choice skip degrees that cannot win.
     */
    public double acceleratorHoursPerMonthAtLeast(double requestsPerDay) {
        if (pricing.hostedApi()) {
            return 0;
        }
        if (workload.scaling() == Scaling.ALWAYS_ON && pricing.serverless() == null) {
            return acceleratorHoursPerMonth(requestsPerDay); // exact, and as cheap
        }
        double atMean = pricing.serverless() != null
                ? requestsPerDay * workload.servedShare() / Num.SECONDS_PER_DAY / point.requestsPerSecond()
                : requestsPerDay * replicasPerRequestPerDay();
        double replicas = Math.max(workload.minReplicas(), atMean * (1 - 1e-9)); // the mean of rounded weights
        return replicas * replica.tp * Num.HOURS_PER_MONTH;
    }

    /** This fleet alone at a traffic level, without the routed one and without operations. */
    public double ownCostUsd(double requestsPerDay) {
        if (pricing.hostedApi()) {
            return requestsPerDay * Num.DAYS_PER_MONTH * pricing.apiPerRequestUsd();
        }
        if (!pricing.committed()) {
            return acceleratorHoursPerMonth(requestsPerDay) * pricing.pricePerHourUsd();
        }
        return CommittedBaseline.month(this, requestsPerDay, CommittedBaseline.choose(this, new double[] {requestsPerDay}, 0, 1))
                .totalUsd();
    }

    /** Fleet (and routed fleet) at a traffic level, each committed baseline chosen for that month alone. */
    double fleetCostUsd(double requestsPerDay) {
        double own = ownCostUsd(requestsPerDay);
        if (routed == null) {
            return own;
        }
        // The routed fleet sees the routed share of the post-cache traffic (and may route on: service tiers).
        return own + routed.fleetCostUsd(requestsPerDay * routedTrafficShare());
    }

    /** Everything serving costs in a month at a traffic level: the fleets and the people who run them. */
    public double monthlyCostUsd(double requestsPerDay) {
        return fleetCostUsd(requestsPerDay) + pricing.operationsMonthlyUsd();
    }

    public double routedTrafficShare() {
        return (1.0 - workload.cacheHitRate()) * workload.routedShare();
    }

    /**
     * What the committed terms running at the end of these months still bill after them ({@link Terms}):
     * 0 when nothing is committed or the last term ends in time.
     */
    public double committedBeyondHorizonUsd(double[] traffic) {
        return Terms.committedBeyondHorizonUsd(this, traffic);
    }

    /** Each month's committed part at today's prices, this fleet's and the fleets it routes to ({@link Terms}). */
    public double[] committedCosts(double[] traffic) {
        return Terms.committedCosts(this, traffic);
    }

    /** Each month's serving cost over a horizon (fleets, routed fleet and operations; {@link Terms}). */
    public double[] monthlyCosts(double[] traffic) {
        double[] cost = Terms.chainCosts(this, traffic);
        for (int m = 0; m < cost.length; m++) {
            cost[m] += pricing.operationsMonthlyUsd();
        }
        return cost;
    }

    /** The same fleet with the routed share of its traffic sent on to {@code next} (service tiers). */
    public Fleet routingTo(double routedShare, double cacheHitRate, double operationsMonthlyUsd, Fleet next) {
        Workload w = new Workload(workload.peakToAverage(), workload.shape(), workload.scaling(),
                workload.minReplicas(), cacheHitRate, routedShare, workload.targetUtilization());
        Pricing p = new Pricing(pricing.pricePerHourUsd(), pricing.termMonths(), pricing.burstMode(),
                pricing.burstPricePerHourUsd(), operationsMonthlyUsd, pricing.apiPerRequestUsd(), pricing.serverless(),
                pricing.acceleratorsPerInstance());
        return new Fleet(replica, point, w, p, next);
    }
}
