package dev.aicost.engine;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.EnergyProfile;
import dev.aicost.catalog.HostedApi;
import dev.aicost.catalog.ModelKind;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.catalog.Precision;
import dev.aicost.catalog.PricingMode;
import dev.aicost.report.InferenceReport;
import dev.aicost.report.InferenceReport.HostedApiComparison;
import dev.aicost.report.InferenceReport.RoutingReport;
import dev.aicost.request.InferenceInput;
import dev.aicost.request.InferenceInput.LatencyTarget;
import dev.aicost.request.InferenceInput.Scaling;
import dev.aicost.request.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * Serving: picks the replica (tensor parallel degree and batch) that carries the most traffic per
 * accelerator within the latency targets, sizes the fleet for the peak (or the daily shape when
 * autoscaled), prices it, and compares it with buying the same tokens from hosted APIs.
 */
final class InferenceEstimator {
    static final int DEFAULT_INPUT_TOKENS = 500;
    static final int DEFAULT_OUTPUT_TOKENS = 250;
    static final double DEFAULT_PEAK_TO_AVERAGE = 2.0;
    /** Largest concurrency a serving engine runs by default when no latency target bounds it. */
    static final int DEFAULT_MAX_BATCH = 1024;
    static final int[] TP_CHOICES = {1, 2, 4, 8};

    private final Hardware hardware;
    private final ModelResolver models;

    InferenceEstimator(Hardware hardware, ModelResolver models) {
        this.hardware = hardware;
        this.models = models;
    }

    /** A sized, priced fleet; {@link #monthlyCostUsd(double)} re-sizes it for another traffic level. */
    record Fleet(ServingModel replica, ServingModel.Point point, double peakToAverage, double[] shape,
            Scaling scaling, int minReplicas, double cacheHitRate, double routedShare, double pricePerHourUsd,
            Fleet routed) {

        double servedShare() {
            return (1.0 - cacheHitRate) * (1.0 - routedShare);
        }

        /** The same workload sizing on another replica shape (per accelerator-hour, no routed fleet). */
        Fleet with(ServingModel r, ServingModel.Point p) {
            return new Fleet(r, p, peakToAverage, shape, scaling, minReplicas, cacheHitRate, routedShare, 1.0, null);
        }

        int peakReplicas(double requestsPerDay) {
            double peak = requestsPerDay * servedShare() / Num.SECONDS_PER_DAY * peakToAverage;
            return (int) Math.max(minReplicas, Math.min(Integer.MAX_VALUE / 64, Math.ceil(peak / point.requestsPerSecond())));
        }

        double acceleratorHoursPerMonth(double requestsPerDay) {
            if (scaling == Scaling.ALWAYS_ON) {
                return (double) peakReplicas(requestsPerDay) * replica.tp * Num.HOURS_PER_MONTH;
            }
            double avg = requestsPerDay * servedShare() / Num.SECONDS_PER_DAY;
            double replicaHours = 0;
            for (double w : shape) {
                replicaHours += Math.max(minReplicas, Math.ceil(avg * w / point.requestsPerSecond()));
            }
            return replicaHours / shape.length * replica.tp * Num.HOURS_PER_MONTH;
        }

        double ownCostUsd(double requestsPerDay) {
            return acceleratorHoursPerMonth(requestsPerDay) * pricePerHourUsd;
        }

        double monthlyCostUsd(double requestsPerDay) {
            double own = ownCostUsd(requestsPerDay);
            if (routed == null) {
                return own;
            }
            // The routed fleet sees the routed share of the post-cache traffic.
            return own + routed.ownCostUsd(requestsPerDay * (1.0 - cacheHitRate) * routedShare);
        }
    }

    record Result(InferenceReport report, Fleet fleet, int startMonth, LatencyTarget target) {
    }

    /**
     * @param traffic requests per day in each serving month of the horizon (growth applied): the
     *        replica shape is chosen for the whole profile, so a tighter target never costs less.
     */
    Result estimate(ModelSpec model, InferenceInput in, EnergyProfile energy, String path, boolean withApis,
            double[] traffic, Notes notes) {
        boolean llm = model.kind() == ModelKind.LLM;
        Accelerator acc = hardware.resolve(in.accelerator(), llm ? "h100-sxm" : "l4", path + ".accelerator", llm
                ? "the most widely deployed data-centre accelerator for LLM serving"
                : "a small inference accelerator, enough for a non-LLM model", notes);
        Precision precision = in.precision() != null ? in.precision() : Precision.BF16;
        if (in.precision() == null) {
            if (notes.on()) notes.assume(path + ".precision", "bf16", "unquantised 16-bit weights");
        }
        int input = llm ? value(in.inputTokens(), DEFAULT_INPUT_TOKENS, path + ".inputTokens",
                "a typical chat prompt with its context", notes) : 1;
        int output = llm ? value(in.outputTokens(), DEFAULT_OUTPUT_TOKENS, path + ".outputTokens",
                "a typical chat answer", notes) : 1;
        if (llm && input + output > model.contextLength()) {
            if (notes.on()) notes.warn(path + ": " + input + " input + " + output + " output tokens exceed " + model.name()
                    + "'s context window of " + model.contextLength() + " tokens.");
        }
        double prefixHit = in.prefixCacheHitRate() != null ? in.prefixCacheHitRate() : 0.0;
        LatencyTarget target = in.latencyTargetMs();

        // Workload shape.
        double[] shape;
        double peakToAverage;
        if (in.hourlyShape() != null) {
            shape = normalised(in.hourlyShape());
            peakToAverage = max(shape);
            if (notes.on()) notes.assume(path + ".peakToAverage", Num.show(peakToAverage), "from the request's hourlyShape"
                    + (in.peakToAverage() != null ? " (the shape wins over the peakToAverage of "
                            + Num.show(in.peakToAverage()) + " also given)" : ""));
        } else {
            peakToAverage = in.peakToAverage() != null ? in.peakToAverage() : DEFAULT_PEAK_TO_AVERAGE;
            if (in.peakToAverage() == null) {
                if (notes.on()) notes.assume(path + ".peakToAverage", Num.show(peakToAverage), "daily peak over the average for "
                        + "user-facing traffic (busiest hour ≈ 2× the daily mean)");
            }
            shape = diurnal(peakToAverage);
        }
        Scaling scaling = in.scaling() != null ? in.scaling() : Scaling.ALWAYS_ON;
        if (in.scaling() == null) {
            if (notes.on()) notes.assume(path + ".scaling", scaling.wireName(), "a 24/7 fleet sized for the daily peak");
        }
        int minReplicas = in.minReplicas() != null ? in.minReplicas() : 1;
        double cacheHit = in.cacheHitRate() != null ? in.cacheHitRate() : 0.0;

        double routedShare = in.routing() != null ? in.routing().share() : 0;
        Fleet sizing = new Fleet(null, null, peakToAverage, shape, scaling, minReplicas, cacheHit, routedShare, 1.0,
                null);
        Choice choice = chooseReplica(model, acc, precision, in.tensorParallel(), input, output, prefixHit,
                target, in.batchSize(), sizing, traffic, path, notes);
        ServingModel replica = choice.replica();
        if (replica.computeFallback) {
            if (notes.on()) notes.warn(acc.id() + " has no native " + precision.wireName() + " tensor cores: weights are stored in "
                    + precision.wireName() + " but computed at the bf16 rate.");
        }
        ServingModel.Point point = choice.point();
        if (notes.on()) {
            explain(replica, point, in.batchSize(), target, path, notes);
        }
        boolean met = meets(point, target);

        PricingMode mode = in.pricingMode() != null ? in.pricingMode() : PricingMode.ON_DEMAND;
        if (in.pricingMode() == null) {
            if (notes.on()) notes.assume(path + ".pricingMode", mode.wireName(), "on-demand list price");
        }
        Hardware.Price price = hardware.price(acc, mode, in.offer(), in.pricePerAcceleratorHourUsd(),
                in.accelerator() == null ? null : in.accelerator().pricePerHourUsd(), Hardware.DEFAULT_LIFE_YEARS,
                energy, path, notes);

        Fleet routedFleet = null;
        RoutingReport routingReport = null;
        if (in.routing() != null) {
            InferenceInput.Routing r = in.routing();
            ModelSpec small = models.resolve(r.model(), path + ".routing.model", notes);
            InferenceInput smallInput = in.toBuilder().accelerator(r.accelerator() != null ? r.accelerator()
                    : in.accelerator()).precision(r.precision() != null ? r.precision() : precision)
                    .tensorParallel(r.tensorParallel()).batchSize(null).routing(null).cacheHitRate(0.0)
                    .scaling(scaling).build();
            double[] routedTraffic = new double[traffic.length];
            for (int m = 0; m < traffic.length; m++) {
                routedTraffic[m] = traffic[m] * (1 - cacheHit) * routedShare;
            }
            Result sr = estimate(small, smallInput.toBuilder().requestsPerDay(in.requestsPerDay() * (1 - cacheHit)
                    * routedShare).build(), energy, path + ".routing", false, routedTraffic, notes);
            routedFleet = sr.fleet();
            double rpd = in.requestsPerDay() * (1 - cacheHit) * routedShare;
            routingReport = new RoutingReport(routedShare, small.id().equals("custom") ? small.name() : small.id(),
                    sr.report().accelerator(), sr.report().precision(), sr.report().tensorParallel(),
                    routedFleet.replica().tp * routedFleet.peakReplicas(rpd), sr.report().ttftMs(),
                    sr.report().tpotMs(), Num.money(routedFleet.ownCostUsd(rpd)));
        }

        Fleet fleet = new Fleet(replica, point, peakToAverage, shape, scaling, minReplicas, cacheHit, routedShare,
                price.perHourUsd(), routedFleet);
        double rpd = in.requestsPerDay();
        double served = rpd * fleet.servedShare();
        double hours = fleet.acceleratorHoursPerMonth(rpd);
        int replicas = fleet.peakReplicas(rpd);
        double own = fleet.ownCostUsd(rpd);
        double monthly = fleet.monthlyCostUsd(rpd);
        double capacityRps = hours / replica.tp / Num.HOURS_PER_MONTH * point.requestsPerSecond();
        double utilization = Math.min(1.0, served / Num.SECONDS_PER_DAY / capacityRps);
        if (replicas <= minReplicas && utilization < 0.3) {
            if (notes.on()) notes.warn(path + ": the fleet is mostly idle (" + Math.round(utilization * 100) + " % utilised): the "
                    + "traffic needs less than one replica; a smaller accelerator, scale-to-zero or a hosted API may be "
                    + "cheaper.");
        }
        double servedPerMonth = served * Num.DAYS_PER_MONTH;
        double inputPerMillion = llm ? own * point.prefillShare() / (servedPerMonth * input) * 1e6 : 0;
        double outputPerMillion = llm ? own * (1 - point.prefillShare()) / (servedPerMonth * output) * 1e6 : 0;
        double tokensPerSecondPerAccelerator = llm ? point.requestsPerSecond() * output / replica.tp : 0;

        List<HostedApiComparison> apis = llm && withApis ? hostedApis(fleet, rpd, input, output, cacheHit, prefixHit, monthly,
                path, notes) : List.of();
        int startMonth = in.startMonth() != null ? in.startMonth() : 1;

        InferenceReport report = new InferenceReport(acc.id(), precision.wireName(), replica.tp, point.batch(),
                replica.maxBatch(), point.memoryBound() ? "memory-bandwidth" : "compute",
                Num.sig(tokensPerSecondPerAccelerator), Num.sig(point.requestsPerSecond()), Num.sig(point.ttftMs()),
                Num.sig(point.tpotMs()), Num.sig(point.e2eMs()), met, Num.sig(replica.weightsBytes / replica.tp / 1e9),
                (double) Math.round(replica.kvBytesPerToken), Num.sig(rpd), Num.sig(served),
                Num.sig(served / Num.SECONDS_PER_DAY * peakToAverage), scaling.wireName(), replicas,
                replicas * replica.tp, Num.sig(hours), Num.sig(utilization), mode.wireName(), price.offer(),
                Num.money(price.perHourUsd()), Num.money(monthly), Num.money(monthly / (rpd * Num.DAYS_PER_MONTH)),
                Num.money(inputPerMillion), Num.money(outputPerMillion), routingReport, apis);
        return new Result(report, fleet, startMonth, target);
    }

    /** The replica shape and its operating point, computed once. */
    private record Choice(ServingModel replica, ServingModel.Point point) {
    }

    private Choice chooseReplica(ModelSpec model, Accelerator acc, Precision precision, Integer tpGiven,
            int input, int output, double prefixHit, LatencyTarget target, Integer batch, Fleet sizing,
            double[] traffic, String path, Notes notes) {
        if (tpGiven != null) {
            ServingModel m = new ServingModel(model, acc, precision, tpGiven, input, output, prefixHit);
            if (!m.fits()) {
                Integer smallest = null;
                for (int tp = tpGiven + 1; tp <= 64; tp++) {
                    if (new ServingModel(model, acc, precision, tp, input, output, prefixHit).fits()) {
                        smallest = tp;
                        break;
                    }
                }
                throw InvalidRequestException.of(path + ".tensorParallel", "the " + Num.show(m.weightsBytes / 1e9)
                        + " GB of " + precision.wireName() + " weights plus one " + (input + output) + "-token sequence"
                        + " do not fit in " + tpGiven + " × " + acc.id() + " (" + Num.show(m.usableBytes() / 1e9)
                        + " GB usable)", smallest != null ? "tensorParallel " + smallest + " or more, a smaller "
                        + "precision (fp8, int4) or an accelerator with more memory"
                        : "a smaller precision (fp8, int4) or an accelerator with more memory");
            }
            return new Choice(m, operatingPoint(m, batch, target));
        }
        Choice best = null;
        double bestScore = -1;
        boolean bestMeets = false;
        for (int tp : TP_CHOICES) {
            ServingModel m = new ServingModel(model, acc, precision, tp, input, output, prefixHit);
            if (!m.fits()) {
                continue;
            }
            ServingModel.Point p = operatingPoint(m, batch, target);
            boolean ok = meets(p, target);
            Fleet candidate = sizing.with(m, p);
            double hours = 0;
            for (double rpd : traffic) {
                hours += candidate.acceleratorHoursPerMonth(rpd);
            }
            // Prefer meeting the target; then the fewest accelerator-hours for this traffic, then throughput
            // per accelerator; if no degree meets the target, the lowest latency.
            double score = ok ? 1e12 / hours + p.requestsPerSecond() / tp * 1e-9 : 1.0 / (1.0 + latencyExcess(p, target));
            if (best == null || (ok && !bestMeets) || (ok == bestMeets && score > bestScore * 1.000001)) {
                best = new Choice(m, p);
                bestScore = score;
                bestMeets = ok;
            }
        }
        if (best == null) {
            ServingModel at8 = new ServingModel(model, acc, precision, 8, input, output, prefixHit);
            throw InvalidRequestException.of(path + ".accelerator", model.name() + " at " + precision.wireName() + " ("
                    + Num.show(at8.weightsBytes / 1e9) + " GB of weights) does not fit in 8 × " + acc.id() + " ("
                    + Num.show(at8.usableBytes() / 1e9) + " GB usable)", "a smaller precision (fp8, int4), an "
                    + "accelerator with more memory, or tensorParallel above 8 across nodes");
        }
        if (notes.on()) notes.assume(path + ".tensorParallel", best.replica().tp, "the degree (1, 2, 4 or 8) that fits the weights and carries "
                + "this traffic on the fewest accelerator-hours" + (target != null && target.any() ? " within the "
                        + "latency targets" : "") + " (ties: most requests per accelerator)");
        return best;
    }

    /** The given batch, else the largest that meets the targets, else (no target) the throughput batch. */
    private static ServingModel.Point operatingPoint(ServingModel m, Integer batch, LatencyTarget target) {
        int maxBatch = m.maxBatch();
        if (batch != null) {
            return m.at(Math.max(1, Math.min(batch, maxBatch)));
        }
        int cap = Math.min(maxBatch, DEFAULT_MAX_BATCH);
        if (target == null || !target.any()) {
            return m.at(cap);
        }
        ServingModel.Point one = m.at(1);
        if (!meets(one, target)) {
            return one;
        }
        int lo = 1;
        int hi = cap;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (meets(m.at(mid), target)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return m.at(lo);
    }

    /** Says how the operating point was chosen (only for reports whose notes are read). */
    private static void explain(ServingModel m, ServingModel.Point p, Integer batch, LatencyTarget target,
            String path, Notes notes) {
        int maxBatch = m.maxBatch();
        if (batch != null) {
            if (batch > maxBatch) {
                notes.warn(path + ".batchSize " + batch + " exceeds what memory holds (" + maxBatch + " sequences of "
                        + Num.show(m.averageContext()) + " tokens); the estimate uses " + maxBatch + ".");
            }
            return;
        }
        if (target == null || !target.any()) {
            int cap = p.batch();
            notes.assume(path + ".batchSize", cap, "no latency target: the throughput-maximising batch"
                    + (cap < maxBatch ? " (capped at " + DEFAULT_MAX_BATCH + ", a serving engine's usual limit)"
                            : " (all the KV cache memory holds)"));
            notes.warn(path + ": no latency target given; at the throughput-maximising batch of " + cap
                    + " a request sees TTFT ≈ " + Num.show(Num.sig(p.ttftMs(), 3)) + " ms and ≈ "
                    + Num.show(Num.sig(p.tpotMs(), 3)) + " ms per output token. Set inference.latencyTargetMs to "
                    + "size for interactive use.");
            return;
        }
        if (!meets(p, target)) {
            notes.warn(path + ": the latency target cannot be met on " + m.tp + " × " + m.acc.id() + " even one "
                    + "request at a time (TTFT " + Num.show(Num.sig(p.ttftMs(), 3)) + " ms, TPOT "
                    + Num.show(Num.sig(p.tpotMs(), 3)) + " ms, end to end " + Num.show(Num.sig(p.e2eMs(), 3))
                    + " ms); sized at batch 1.");
            return;
        }
        notes.assume(path + ".batchSize", p.batch(), "the largest concurrency per replica that meets the latency targets");
    }

    static boolean meets(ServingModel.Point p, LatencyTarget t) {
        if (t == null) {
            return true;
        }
        return (t.ttftMs() == null || p.ttftMs() <= t.ttftMs()) && (t.tpotMs() == null || p.tpotMs() <= t.tpotMs())
                && (t.e2eMs() == null || p.e2eMs() <= t.e2eMs());
    }

    private static double latencyExcess(ServingModel.Point p, LatencyTarget t) {
        double e = 0;
        if (t.ttftMs() != null) {
            e = Math.max(e, p.ttftMs() / t.ttftMs());
        }
        if (t.tpotMs() != null) {
            e = Math.max(e, p.tpotMs() / t.tpotMs());
        }
        if (t.e2eMs() != null) {
            e = Math.max(e, p.e2eMs() / t.e2eMs());
        }
        return e;
    }

    private List<HostedApiComparison> hostedApis(Fleet fleet, double rpd, int input, int output, double cacheHit,
            double prefixHit, double selfMonthly, String path, Notes notes) {
        List<HostedApiComparison> list = new ArrayList<>();
        for (HostedApi api : hardware.catalog().hostedApis()) {
            double perRequest = (input * (prefixHit * api.cachedInputPerMillionUsd()
                    + (1 - prefixHit) * api.inputPerMillionUsd()) + output * api.outputPerMillionUsd()) / 1e6
                    * (1 - cacheHit);
            double monthly = perRequest * rpd * Num.DAYS_PER_MONTH;
            Double breakEven = breakEven(fleet, perRequest);
            list.add(new HostedApiComparison(api.id(), api.provider(), api.model(), Num.money(monthly),
                    Num.money(perRequest), selfMonthly < monthly, breakEven == null ? null : Num.sig(breakEven),
                    api.source().cite()));
        }
        if (notes.on()) notes.assume(path + ".hostedApis", "list prices per 1M tokens", "the same requests bought as tokens; "
                + "break-even is the traffic above which self-hosting costs less");
        return list;
    }

    /** Requests per day above which the self-hosted fleet costs less than the API; null if never (up to the limit). */
    private static Double breakEven(Fleet fleet, double apiPerRequest) {
        double hi = 1e12;
        if (fleet.monthlyCostUsd(hi) > apiPerRequest * hi * Num.DAYS_PER_MONTH) {
            return null;
        }
        double lo = 1e-3;
        for (int i = 0; i < 36; i++) { // 15 decades to a relative 1e-6: enough for 4 significant digits
            double mid = Math.sqrt(lo * hi);
            if (fleet.monthlyCostUsd(mid) <= apiPerRequest * mid * Num.DAYS_PER_MONTH) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private static int value(Integer given, int fallback, String name, String reason, Notes notes) {
        if (given != null) {
            return given;
        }
        if (notes.on()) notes.assume(name, fallback, reason);
        return fallback;
    }

    /** Recent diurnal shapes: requests (and the advisor's re-runs) repeat a few peak ratios. */
    private static final java.util.Map<Double, double[]> SHAPES = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Double, double[]> eldest) {
                    return size() > 32;
                }
            });

    /** A day of 24 hourly weights with mean 1 whose peak is the given peak-to-average ratio. */
    static double[] diurnal(double peakToAverage) {
        return SHAPES.computeIfAbsent(peakToAverage, InferenceEstimator::solveDiurnal);
    }

    private static double[] solveDiurnal(double peakToAverage) {
        if (peakToAverage <= 1.0) {
            double[] flat = new double[24];
            java.util.Arrays.fill(flat, 1.0);
            return flat;
        }
        double lo = 0;
        double hi = 50;
        for (int i = 0; i < 60; i++) {
            double k = (lo + hi) / 2;
            if (max(normalised(shape(k))) < peakToAverage) {
                lo = k;
            } else {
                hi = k;
            }
        }
        return normalised(shape(hi));
    }

    private static double[] shape(double k) {
        double[] w = new double[24];
        for (int h = 0; h < 24; h++) {
            // Busiest at 15:00, quietest at 03:00.
            w[h] = Math.exp(k * Math.cos(2 * Math.PI * (h - 15) / 24.0));
        }
        return w;
    }

    static double[] normalised(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        double mean = sum / w.length;
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] / mean;
        }
        return out;
    }

    private static double max(double[] w) {
        double m = 0;
        for (double v : w) {
            m = Math.max(m, v);
        }
        return m;
    }
}
