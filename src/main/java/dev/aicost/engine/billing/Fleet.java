package dev.aicost.engine.billing;

import dev.aicost.catalog.PricingMode;
import dev.aicost.engine.core.Num;
import dev.aicost.engine.serving.ServingModel;
import dev.aicost.request.InferenceInput.Scaling;
import java.util.Arrays;

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
    private static final int HOURS_PER_DAY = 24;

    /** What the fleet must carry, independent of the replica shape. */
    public record Workload(double peakToAverage, double[] shape, Scaling scaling, int minReplicas, double cacheHitRate,
            double routedShare) {

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
            double operationsMonthlyUsd, double apiPerRequestUsd, Serverless serverless) {
        public Pricing(double pricePerHourUsd, int termMonths, PricingMode burstMode, double burstPricePerHourUsd,
                double operationsMonthlyUsd, double apiPerRequestUsd) {
            this(pricePerHourUsd, termMonths, burstMode, burstPricePerHourUsd, operationsMonthlyUsd, apiPerRequestUsd,
                    null);
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

    /**
     * Workers that scale to zero and are billed per second while up: starting, busy, or idle until the
     * idle timeout after their last request. Requests arrive at random (Poisson, rate λ) within each hour
     * of the daily shape; {@code serviceSeconds} (S) is one request's time in a worker. A worker that
     * starts stays up until no request has arrived for S + T (T: idle timeout); a request arriving while
     * it starts waits for it rather than starting another. So up and down periods alternate: a down
     * period lasts 1/λ on average, an up period the start-up C plus the wait for the first gap of
     * S + T between arrivals, (e^(λ(S+T)) − 1)/λ. The share of time up is 1 − 1/(λC + e^(λ(S+T))), and
     * the share of requests that meet a cold start 1/(λC + e^(λ(S+T))); both grow (and fall) steadily
     * with traffic. Under load the busy workers, λ ÷ a worker's requests per second, take over.
     */
    public record Serverless(double idleTimeoutSeconds, double coldStartSeconds, double minBillingSeconds,
            double serviceSeconds) {

        /**
         * Workers billed on average at an arrival rate (per second): busy ones (a lone request holds a
         * worker for its whole service time; under load each worker carries {@code perWorker} requests a
         * second), the idle tail after each request that finds no next one within the service time, up to
         * the idle timeout, and the cold starts (with half a billing increment each) of requests arriving
         * after a worker went down. {@code warm} workers are kept up always.
         */
        public double billedWorkers(double lambda, double perWorker, int warm) {
            if (lambda <= 0) {
                return warm;
            }
            // Comparisons rather than Math.max: C1 calls it as Java code, and this runs for every hour of
            // every break-even step (no operand is NaN).
            double idle = 1 - coldShare(lambda);
            double busy = lambda / perWorker;
            double most = idle > busy ? idle : busy;
            return most > warm ? most : warm;
        }

        /**
         * The share of requests that find no worker up, 1/(λC + e^(λ(S+T))); half a billing increment is
         * added to each start-up (an up period's billed seconds are rounded up).
         */
        public double coldShare(double lambda) {
            double exponent = lambda * (serviceSeconds + idleTimeoutSeconds);
            exponent = exponent < 700 ? exponent : 700;
            return 1 / (lambda * (coldStartSeconds + minBillingSeconds / 2) + Math.exp(exponent));
        }

        /** The most the start-ups and idle tails add to the busy workers, in workers (bounds the break-even search). */
        double overheadWorkers() {
            return 1;
        }
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
                workload.minReplicas(), hitRate, workload.routedShare());
        Pricing p = pricing;
        if (p.hostedApi()) {
            p = new Pricing(p.pricePerHourUsd(), p.termMonths(), p.burstMode(), p.burstPricePerHourUsd(),
                    p.operationsMonthlyUsd(), p.apiPerRequestUsd() * (1 - hitRate) / (1 - workload.cacheHitRate()),
                    p.serverless());
        }
        return new Fleet(replica, point, w, p, routed);
    }

    /** Replicas needed per (request per day) at the peak (always-on) or in an hour of weight 1 (autoscale). */
    private double replicasPerRequestPerDay() {
        double perMean = workload.servedShare() / Num.SECONDS_PER_DAY / point.requestsPerSecond();
        return workload.scaling() == Scaling.ALWAYS_ON ? perMean * workload.peakToAverage() : perMean;
    }

    public int peakReplicas(double requestsPerDay) {
        if (pricing.hostedApi()) {
            return 0;
        }
        double peak = requestsPerDay * workload.servedShare() / Num.SECONDS_PER_DAY * workload.peakToAverage();
        double n = Num.ceil(peak / point.requestsPerSecond()); // comparisons, not Math.min/max: C1 calls those
        if (!(n >= 0)) {
            return (int) Math.max(workload.minReplicas(), Math.min(MAX_REPLICAS, n)); // NaN as before
        }
        n = n < MAX_REPLICAS ? n : MAX_REPLICAS;
        return (int) (n > workload.minReplicas() ? n : workload.minReplicas());
    }

    /**
     * Replica-hours of a day, Σ max(min, ⌈atMean · weight⌉) over the hours, where {@code atMean} is
     * the replicas an hour of weight 1 needs. The hottest loop of the engine (every pricing of an
     * autoscaled fleet, every month with its own traffic, every replica shape tried), so written with
     * primitive operations: Lambda's C1 compiles neither Math.ceil nor Math.max(double, double) to an
     * instruction. Same values as those methods (atMean · weight is never NaN).
     */
    private static double replicaHoursOfDay(double atMean, double[] shape, int min) {
        double sum = 0;
        for (double w : shape) {
            double x = atMean * w;
            double n;
            if (x >= 0 && x < 1e15) { // Num.ceil, inlined (C1 does not inline it here)
                long whole = (long) x;
                n = x > whole ? whole + 1 : x;
            } else {
                n = Math.ceil(x);
            }
            sum += n > min ? n : min;
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
            return (double) peakReplicas(requestsPerDay) * replica.tp * Num.HOURS_PER_MONTH;
        }
        double replicaHours = replicaHoursOfDay(requestsPerDay * replicasPerRequestPerDay(), workload.shape(),
                workload.minReplicas());
        return replicaHours / workload.shape().length * replica.tp * Num.HOURS_PER_MONTH;
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

    /** How a month's accelerators were bought: the committed baseline and the burst above it. */
    public record Capacity(double committedReplicas, double committedUsd, double burstAcceleratorHours, double burstUsd) {
        double totalUsd() {
            return committedUsd + burstUsd;
        }
    }

    /** One month at this traffic with the given committed baseline (replicas). */
    public Capacity capacity(double requestsPerDay, double baseline) {
        double replicaMonth = replica.tp * Num.HOURS_PER_MONTH;
        double burstHours = 0;
        if (workload.scaling() == Scaling.ALWAYS_ON) {
            double over = Math.max(0, peakReplicas(requestsPerDay) - baseline);
            for (int h = 0; h < HOURS_PER_DAY; h++) { // added hour by hour, as the autoscaled day is: the same sum
                burstHours += over;
            }
        } else {
            double atMean = requestsPerDay * replicasPerRequestPerDay();
            int min = workload.minReplicas();
            for (double w : workload.shape()) {
                double n = Num.ceil(atMean * w);
                double over = (n > min ? n : min) - baseline;
                burstHours += over > 0 ? over : 0;
            }
        }
        burstHours = burstHours / HOURS_PER_DAY * replicaMonth;
        return new Capacity(baseline, baseline * replicaMonth * pricing.pricePerHourUsd(), burstHours,
                burstHours * pricing.burstPricePerHourUsd());
    }

    /**
     * The committed baseline that costs least over these months' traffic: raising it by one replica
     * costs the commitment rate in every hour and saves the burst rate in the hours that need more,
     * so the best baseline is exceeded in at most (commitment / burst rate) of the hours: the
     * smallest whole number of replicas that at most that many of the months' hours need more than.
     * Found by bisection over replica counts, counting each month's hours above a count from its
     * hours in descending weight (needs grow with the weight), rather than by sorting every hour of
     * the term on every pricing (which had been a third of a warm report).
     */
    public double baseline(double[] traffic, int from, int to) {
        if (workload.scaling() == Scaling.ALWAYS_ON) {
            int peak = 0;
            for (int m = from; m < to; m++) {
                peak = Math.max(peak, peakReplicas(traffic[m]));
            }
            return peak; // an always-on fleet commits all of it
        }
        int hours = (to - from) * HOURS_PER_DAY;
        double ratio = pricing.pricePerHourUsd() / pricing.burstPricePerHourUsd();
        int above = (int) Math.floor(ratio * hours + 1e-9); // hours allowed above the baseline
        if (above >= hours) {
            return 0;
        }
        double[] weights = workload.shape().clone();
        Arrays.sort(weights); // ascending: weights[HOURS_PER_DAY - 1] is the busiest hour
        double perRequest = replicasPerRequestPerDay();
        double most = workload.minReplicas();
        for (int m = from; m < to; m++) {
            most = Math.max(most, Num.ceil(traffic[m] * perRequest * weights[HOURS_PER_DAY - 1]));
        }
        if (!(most < 1L << 52)) { // beyond exact whole numbers in a double: no replica count is meant
            return most;
        }
        long lo = 0; // hoursAbove(lo - 1) > above, hoursAbove(hi) <= above
        long hi = (long) most;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (hoursAbove(traffic, from, to, perRequest, weights, mid) <= above) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Hours of these months that need more than {@code replicas}; {@code ascending}: the day's weights sorted. */
    private int hoursAbove(double[] traffic, int from, int to, double perRequest, double[] ascending, long replicas) {
        if (workload.minReplicas() > replicas) {
            return (to - from) * HOURS_PER_DAY;
        }
        int count = 0;
        for (int m = from; m < to; m++) {
            double atMean = traffic[m] * perRequest;
            // The first hour (ascending) whose need exceeds the count: ceil(x) > n exactly when x > n.
            int lo = 0;
            int hi = HOURS_PER_DAY;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (atMean * ascending[mid] > replicas) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            count += HOURS_PER_DAY - lo;
        }
        return count;
    }

    /** This fleet alone at a traffic level, without the routed one and without operations. */
    public double ownCostUsd(double requestsPerDay) {
        if (pricing.hostedApi()) {
            return requestsPerDay * Num.DAYS_PER_MONTH * pricing.apiPerRequestUsd();
        }
        if (!pricing.committed()) {
            return acceleratorHoursPerMonth(requestsPerDay) * pricing.pricePerHourUsd();
        }
        return capacity(requestsPerDay, baseline(new double[] {requestsPerDay}, 0, 1)).totalUsd();
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

    /**
     * A bound on {@link #monthlyCostUsd} at every traffic in [{@code x}, {@code top}] that is convex in
     * {@code x} and equals the cost at {@code top} when {@code x = top}: the break-even search proves a
     * whole interval cheaper than an API by checking it at the two ends. A staircase is bounded by its
     * cost at the top; serverless workers by their busy share at {@code x} (a straight line) and their
     * idle share at {@code top} (it only grows with traffic), which is far tighter on a smooth cost.
     */
    double monthlyCostBoundUsd(double x, double top) {
        return fleetCostBoundUsd(x, top) + pricing.operationsMonthlyUsd();
    }

    private double fleetCostBoundUsd(double x, double top) {
        double own;
        Serverless s = pricing.serverless();
        if (s != null && !pricing.hostedApi() && !pricing.committed()) {
            double share = workload.servedShare() / Num.SECONDS_PER_DAY;
            double perWorker = point.requestsPerSecond();
            int warm = workload.minReplicas();
            double workers = 0;
            for (double w : workload.shape()) {
                double atTop = top * share * w;
                double busy = x * share * w / perWorker;
                double idle = atTop > 0 ? 1 - s.coldShare(atTop) : 0;
                double most = idle > busy ? idle : busy;
                workers += most > warm ? most : warm;
            }
            own = workers / workload.shape().length * replica.tp * Num.HOURS_PER_MONTH * pricing.pricePerHourUsd();
        } else {
            own = ownCostUsd(top);
        }
        return routed == null ? own : own + routed.fleetCostBoundUsd(x * routedTrafficShare(), top * routedTrafficShare());
    }

    /** Everything serving costs in a month at a traffic level: the fleets and the people who run them. */
    public double monthlyCostUsd(double requestsPerDay) {
        return fleetCostUsd(requestsPerDay) + pricing.operationsMonthlyUsd();
    }

    public double routedTrafficShare() {
        return (1.0 - workload.cacheHitRate()) * workload.routedShare();
    }

    /** Each month's own fleet cost over a horizon: a commitment's baseline holds for its whole term. */
    double[] ownCosts(double[] traffic) {
        double[] cost = new double[traffic.length];
        if (!pricing.committed()) {
            for (int m = 0; m < traffic.length; m++) {
                cost[m] = m > 0 && traffic[m] == traffic[m - 1] ? cost[m - 1] : ownCostUsd(traffic[m]);
            }
            return cost;
        }
        for (int from = 0; from < traffic.length; from += pricing.termMonths()) {
            int to = Math.min(traffic.length, from + pricing.termMonths());
            double baseline = baseline(traffic, from, to);
            for (int m = from; m < to; m++) {
                cost[m] = capacity(traffic[m], baseline).totalUsd();
            }
        }
        return cost;
    }

    /** Each month's serving cost over a horizon (fleets, routed fleet and operations). */
    public double[] monthlyCosts(double[] traffic) {
        double[] cost = chainCosts(traffic);
        for (int m = 0; m < cost.length; m++) {
            cost[m] += pricing.operationsMonthlyUsd();
        }
        return cost;
    }

    /** Each month's cost of this fleet and the fleets it routes to, without operations. */
    double[] chainCosts(double[] traffic) {
        double[] cost = ownCosts(traffic);
        if (routed != null) {
            double[] routedTraffic = new double[traffic.length];
            for (int m = 0; m < traffic.length; m++) {
                routedTraffic[m] = traffic[m] * routedTrafficShare();
            }
            double[] r = routed.chainCosts(routedTraffic);
            for (int m = 0; m < cost.length; m++) {
                cost[m] += r[m];
            }
        }
        return cost;
    }

    /** The same fleet with the routed share of its traffic sent on to {@code next} (service tiers). */
    public Fleet routingTo(double routedShare, double cacheHitRate, double operationsMonthlyUsd, Fleet next) {
        Workload w = new Workload(workload.peakToAverage(), workload.shape(), workload.scaling(),
                workload.minReplicas(), cacheHitRate, routedShare);
        Pricing p = new Pricing(pricing.pricePerHourUsd(), pricing.termMonths(), pricing.burstMode(),
                pricing.burstPricePerHourUsd(), operationsMonthlyUsd, pricing.apiPerRequestUsd(), pricing.serverless());
        return new Fleet(replica, point, w, p, next);
    }

    // What the break-even search needs: where the cost steps, and straight lines it stays between.

    /** The lowest traffic above {@code requestsPerDay} at which some hour needs one more replica (+∞: none). */
    double nextStepAbove(double requestsPerDay) {
        double next = Double.POSITIVE_INFINITY;
        if (!pricing.hostedApi() && pricing.serverless() == null) { // serverless costs rise smoothly: no steps
            double k = replicasPerRequestPerDay();
            int min = workload.minReplicas();
            if (workload.scaling() == Scaling.ALWAYS_ON) {
                next = step(requestsPerDay, k, min);
            } else {
                for (double w : workload.shape()) {
                    if (w > 0) {
                        next = Math.min(next, step(requestsPerDay, k * w, min));
                    }
                }
            }
        }
        if (routed != null) {
            double q = routedTrafficShare();
            next = Math.min(next, routed.nextStepAbove(requestsPerDay * q) / q);
        }
        return next;
    }

    /** Where ceil(r · perRequest) next rises above its value at r (at least past {@code min} replicas). */
    private static double step(double r, double perRequest, int min) {
        double n = Math.max(min, Math.floor(r * perRequest) + 1);
        return n / perRequest;
    }

    /** Fleet cost is at least {@code lowSlope · r + operations} ($ per month per request per day). */
    double lowSlopeUsd() {
        return slope(false);
    }

    /** ... and at most {@code highSlope · r + stepsUsd + operations}. */
    double highSlopeUsd() {
        return slope(true);
    }

    private double slope(boolean high) {
        double own = pricing.hostedApi() ? pricing.apiPerRequestUsd() * Num.DAYS_PER_MONTH
                : replicasPerRequestPerDay() * replica.tp * Num.HOURS_PER_MONTH
                        * (high ? pricing.highestRate() : pricing.lowestRate());
        return routed == null ? own : own + routedTrafficShare() * routed.slope(high);
    }

    /** The most the whole replicas (and the minimum fleet) add above the straight line. */
    double stepsUsd() {
        double own = pricing.hostedApi() ? 0
                : (pricing.serverless() != null ? workload.minReplicas() + pricing.serverless().overheadWorkers()
                        : Math.max(1, workload.minReplicas())) * replica.tp * Num.HOURS_PER_MONTH * pricing.highestRate();
        return routed == null ? own : own + routed.stepsUsd();
    }
}
