package dev.aicost.engine.inference;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.Offer;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.catalog.Precision;
import dev.aicost.engine.billing.Fleet;
import dev.aicost.engine.core.Notes;
import dev.aicost.engine.core.Num;
import dev.aicost.engine.serving.ServingModel;
import dev.aicost.engine.serving.StackCosts;
import dev.aicost.request.InferenceInput.LatencyTarget;
import dev.aicost.request.InferenceInput.Scaling;
import dev.aicost.request.InferenceInput.Stack;
import dev.aicost.request.InvalidRequestException;

/**
 * The replica shape (tensor-parallel degree) and its operating point (concurrency): the given
 * ones, else the batch that meets the latency target on the degree that carries the traffic on
 * the fewest accelerator-hours.
 */
public record ReplicaChoice(ServingModel replica, ServingModel.Point point) {
    public static final int[] TP_CHOICES = {1, 2, 4, 8};

    /** What the choice depends on besides the hardware: the request's shape and targets. */
    record Shape(int inputTokens, int outputTokens, double prefixHitRate, LatencyTarget target, Integer batch,
            Stack stack) {
        ServingModel on(ModelSpec model, Accelerator acc, Precision precision, int tp) {
            return new ServingModel(model, acc, precision, tp, inputTokens, outputTokens, prefixHitRate, stack);
        }
    }

    /**
     * @param traffic requests per day in each serving month: the degree is chosen for the whole
     *        profile, so a tighter target never costs less.
     */
    static ReplicaChoice choose(ModelSpec model, Accelerator acc, Precision precision, Integer tpGiven, Shape shape,
            Fleet.Workload workload, double[] traffic, String path, Notes notes) {
        return choose(model, acc, precision, tpGiven, shape, workload, traffic, null, path, notes);
    }

    /**
     * @param instance the named offer, when there is one: a tensor-parallel replica needs the accelerators
     *        of one instance (NVLink within a server), so its degree is at most the instance's accelerators
     */
    static ReplicaChoice choose(ModelSpec model, Accelerator acc, Precision precision, Integer tpGiven, Shape shape,
            Fleet.Workload workload, double[] traffic, Offer instance, String path, Notes notes) {
        int maxTp = instance == null ? Integer.MAX_VALUE : instance.acceleratorsPerInstance();
        if (tpGiven != null && tpGiven > maxTp) {
            throw InvalidRequestException.of(path + ".tensorParallel", "a " + tpGiven + "-way replica does not fit an "
                    + "instance of offer '" + instance.id() + "' (" + instance.instance() + ": " + maxTp + " × "
                    + acc.id() + "); a tensor-parallel replica runs within one instance", "tensorParallel up to "
                    + maxTp + ", or an offer with larger instances");
        }
        if (tpGiven != null) {
            ServingModel m = shape.on(model, acc, precision, tpGiven);
            if (!m.fits()) {
                throw doesNotFit(model, acc, precision, tpGiven, shape, m, path);
            }
            return new ReplicaChoice(m, operatingPoint(m, shape.batch(), shape.target()));
        }
        ReplicaChoice best = null;
        double bestScore = -1;
        boolean bestMeets = false;
        for (int tp : TP_CHOICES) {
            if (tp > maxTp) {
                break;
            }
            ServingModel m = shape.on(model, acc, precision, tp);
            if (!m.fits()) {
                continue;
            }
            ServingModel.Point p = operatingPoint(m, shape.batch(), shape.target());
            boolean ok = meets(p, shape.target());
            if (!ok && bestMeets) {
                continue; // a degree that meets the target is already in hand
            }
            // Prefer meeting the target; then the fewest accelerator-hours for this traffic, then throughput
            // per accelerator; if no degree meets the target, the lowest latency (no fleet sizing needed).
            double score;
            if (ok) {
                Fleet sizing = Fleet.sizing(workload, m, p);
                double tieBreak = p.requestsPerSecond() / tp * 1e-9;
                // A degree that could not win even at the bound on its hours needs no hour-by-hour sizing
                // (an always-on fleet's bound is its hours: sized once).
                double atLeast = bestMeets ? hours(sizing, traffic, true) : Double.NaN;
                if (bestMeets && !(1e12 / atLeast + tieBreak > bestScore * 1.000001)) {
                    continue;
                }
                score = 1e12 / (bestMeets && workload.scaling() == Scaling.ALWAYS_ON ? atLeast
                        : hours(sizing, traffic, false)) + tieBreak;
            } else {
                score = 1.0 / (1.0 + latencyExcess(p, shape.target()));
            }
            if (best == null || (ok && !bestMeets) || (ok == bestMeets && score > bestScore * 1.000001)) {
                best = new ReplicaChoice(m, p);
                bestScore = score;
                bestMeets = ok;
            }
        }
        if (best == null && maxTp < 8) {
            ServingModel most = shape.on(model, acc, precision, maxTp);
            throw InvalidRequestException.of(path + ".offer", model.name() + " at " + precision.wireName() + " ("
                    + Num.show(most.weightsBytes / 1e9) + " GB of weights) does not fit an instance of offer '"
                    + instance.id() + "' (" + instance.instance() + ": " + maxTp + " × " + acc.id() + ", "
                    + Num.show(most.usableBytes() / 1e9) + " GB usable); a tensor-parallel replica runs within one "
                    + "instance", "an offer with larger instances, or a smaller precision (fp8, int4)");
        }
        if (best == null) {
            ServingModel at8 = shape.on(model, acc, precision, 8);
            throw InvalidRequestException.of(path + ".accelerator", model.name() + " at " + precision.wireName() + " ("
                    + Num.show(at8.weightsBytes / 1e9) + " GB of weights) does not fit in 8 × " + acc.id() + " ("
                    + Num.show(at8.usableBytes() / 1e9) + " GB usable)", "a smaller precision (fp8, int4), an "
                    + "accelerator with more memory, or tensorParallel above 8 across nodes");
        }
        LatencyTarget target = shape.target();
        notes.assume(path, ".tensorParallel", best.replica().tp, () -> "the degree (1, 2, 4 or 8) that fits the "
                + "weights and carries this traffic on the fewest accelerator-hours" + (target != null && target.any()
                        ? " within the latency targets" : "") + " (ties: most requests per accelerator)");
        return best;
    }

    /**
     * Accelerator-hours over the serving months, or ({@code atLeast}) a lower bound on them that
     * skips the hour-by-hour sizing; months of equal traffic (no growth) are sized once.
     */
    private static double hours(Fleet fleet, double[] traffic, boolean atLeast) {
        double total = 0;
        double lastRpd = Double.NaN;
        double lastHours = 0;
        for (double rpd : traffic) {
            if (rpd != lastRpd) {
                lastHours = atLeast ? fleet.acceleratorHoursPerMonthAtLeast(rpd) : fleet.acceleratorHoursPerMonth(rpd);
                lastRpd = rpd;
            }
            total += lastHours;
        }
        return total;
    }

    private static InvalidRequestException doesNotFit(ModelSpec model, Accelerator acc, Precision precision,
            int tpGiven, Shape shape, ServingModel m, String path) {
        Integer smallest = null;
        for (int tp = tpGiven + 1; tp <= 64; tp++) {
            if (shape.on(model, acc, precision, tp).fits()) {
                smallest = tp;
                break;
            }
        }
        return InvalidRequestException.of(path + ".tensorParallel", "the " + Num.show(m.weightsBytes / 1e9)
                + " GB of " + precision.wireName() + " weights plus one "
                + (shape.inputTokens() + shape.outputTokens()) + "-token sequence do not fit in " + tpGiven + " × "
                + acc.id() + " (" + Num.show(m.usableBytes() / 1e9) + " GB usable)", smallest != null
                        ? "tensorParallel " + smallest + " or more, a smaller precision (fp8, int4) or an accelerator "
                                + "with more memory"
                        : "a smaller precision (fp8, int4) or an accelerator with more memory");
    }

    /** The given batch, else the largest that meets the targets, else (no target) the throughput batch. */
    public static ServingModel.Point operatingPoint(ServingModel m, Integer batch, LatencyTarget target) {
        int maxBatch = m.maxBatch();
        if (batch != null) {
            return m.at(Math.max(1, Math.min(batch, maxBatch)));
        }
        int cap = Math.min(maxBatch, StackCosts.maxConcurrency(m.stack));
        if (target == null || !target.any()) {
            return m.at(cap);
        }
        if (!m.meetsAt(1, target)) {
            return m.at(1);
        }
        int lo = 1;
        int hi = cap;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (m.meetsAt(mid, target)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return m.at(lo);
    }

    /** Says how the operating point was chosen. */
    void explain(Integer batch, LatencyTarget target, boolean throughputWanted, String path, Notes notes) {
        ServingModel m = replica;
        ServingModel.Point p = point;
        int maxBatch = m.maxBatch();
        if (batch != null) {
            if (batch > maxBatch) {
                notes.warn(() -> path + ".batchSize " + batch + " exceeds what memory holds (" + maxBatch
                        + " sequences of " + Num.show(m.averageContext()) + " tokens); the estimate uses " + maxBatch
                        + ".");
            }
            return;
        }
        if (target == null || !target.any()) {
            int cap = p.batch();
            notes.assume(path, ".batchSize", cap, () -> "no latency target: the throughput-maximising batch"
                    + (cap < maxBatch ? " (capped at " + StackCosts.maxConcurrency(m.stack) + ", the "
                            + (m.stack == Stack.TUNED ? "tuned runtime's configured limit)"
                                    : "typical server's default limit, vLLM's max_num_seqs)")
                            : " (all the KV cache memory holds)"));
            if (throughputWanted) {
                return; // a batch workload: nobody waits for a single answer
            }
            notes.warn(() -> path + ": no latency target given; at the throughput-maximising batch of " + cap
                    + " a request sees TTFT ≈ " + Num.show(Num.sig(p.ttftMs(), 3)) + " ms and ≈ "
                    + Num.show(Num.sig(p.tpotMs(), 3)) + " ms per output token. Set inference.latencyTargetMs to "
                    + "size for interactive use.");
            return;
        }
        if (!meets(p, target)) {
            notes.warn(() -> path + ": the latency target cannot be met on " + m.tp + " × " + m.acc.id() + " even "
                    + "one request at a time (TTFT " + Num.show(Num.sig(p.ttftMs(), 3)) + " ms, TPOT "
                    + Num.show(Num.sig(p.tpotMs(), 3)) + " ms, end to end " + Num.show(Num.sig(p.e2eMs(), 3))
                    + " ms); sized at batch 1.");
            return;
        }
        notes.assume(path, ".batchSize", p.batch(), "the largest concurrency per replica that meets the "
                + "latency targets");
    }

    public static boolean meets(ServingModel.Point p, LatencyTarget t) {
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
}
