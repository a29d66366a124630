package dev.aicost.request;

import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.Precision;
import dev.aicost.catalog.PricingMode;
import dev.aicost.request.InferenceInput.LatencyTarget;
import dev.aicost.request.InferenceInput.Routing;
import dev.aicost.request.InferenceInput.Scaling;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** Binds and validates the {@code inference} section of a request (see {@link RequestReader}). */
final class InferenceReader {
    private final RequestReader reader;
    private final Catalog catalog;

    InferenceReader(RequestReader reader, Catalog catalog) {
        this.reader = reader;
        this.catalog = catalog;
    }

    /** A number field, or the midpoint of the range it was sent as (null: absent or invalid, with a problem). */
    private static Double point(Fields f, Bound b, InputRange range, ToDoubleFunction<InputRange> mid) {
        if (range != null) {
            return mid.applyAsDouble(range);
        }
        return f.isObject(b.field()) ? null : f.number(b); // an invalid range has its problems already
    }

    /** At most this many service tiers. */
    static final int MAX_TIERS = 10;

    /** {@code inference.tiers}: 1 to 10 named tiers whose shares add up to 1, each with its own target and model. */
    private List<InferenceInput.Tier> tiers(Fields i) {
        Set<String> names = new HashSet<>();
        List<InferenceInput.Tier> tiers = i.objects("tiers", MAX_TIERS, "{name, share, latencyTargetMs, model}",
                (t, k) -> {
                    String name = t.text("name");
                    Double share = t.number(Bound.TIER_SHARE);
                    LatencyTarget target = t.read("latencyTargetMs", l -> new LatencyTarget(l.number(Bound.TTFT_MS),
                            l.number(Bound.TPOT_MS), l.number(Bound.E2E_MS)));
                    ModelInput model = t.read("model", reader::model);
                    RequestReader.required(t, "the tier's name and its fraction of the requests, 0 < share <= 1",
                            "name", "share");
                    if (name != null && !names.add(name)) {
                        t.problem("name", "repeats tier '" + name + "'", "a unique name per tier");
                    }
                    return name == null || share == null ? null : new InferenceInput.Tier(name, share, target, model);
                });
        if (tiers == null) {
            return null;
        }
        double total = tiers.stream().mapToDouble(InferenceInput.Tier::share).sum();
        if (Math.abs(total - 1) > 1e-6) {
            i.problem("tiers", "shares add up to " + Shown.fmt(total) + ", not 1", "shares that sum to 1");
            return null;
        }
        return List.copyOf(tiers);
    }

    InferenceInput inference(Fields i) {
        // Each of these may be a {low, high} range: the point estimate uses its log-space midpoint.
        InputRange rpdRange = i.range(Bound.REQUESTS_PER_DAY);
        InputRange growthRange = i.range(Bound.MONTHLY_GROWTH);
        InputRange cacheRange = i.range(Bound.CACHE_HIT_RATE);
        Double rpd = point(i, Bound.REQUESTS_PER_DAY, rpdRange, InputRange::geometricMidpoint);
        Double growth = point(i, Bound.MONTHLY_GROWTH, growthRange, InputRange::growthMidpoint);
        Double cache = point(i, Bound.CACHE_HIT_RATE, cacheRange, InputRange::hitRateMidpoint);
        if (!i.has("requestsPerDay")) {
            i.problem("requestsPerDay", "is required", Bound.REQUESTS_PER_DAY.allowed());
        }
        AcceleratorInput acc = reader.accelerator(i, "accelerator");
        PricingMode mode = i.choice("pricingMode", RequestReader.PRICING);
        String offer = reader.offer(i, acc);
        Double price = i.number(Bound.PRICE_PER_ACCELERATOR_HOUR_USD);
        LatencyTarget target = i.read("latencyTargetMs", l -> new LatencyTarget(
                l.number(Bound.TTFT_MS), l.number(Bound.TPOT_MS),
                l.number(Bound.E2E_MS)));
        Routing routing = i.read("routing", r -> {
            Double share = r.number(Bound.ROUTED_SHARE);
            if (!r.has("share")) {
                r.problem("share", "is required", "the fraction of requests routed, 0 < share < 1");
            } else if (share != null && share >= 1) {
                r.problem("share", "must be below 1", "0 < share < 1");
            }
            ModelInput m = r.read("model", mm -> reader.model(mm));
            if (!r.has("model")) {
                r.problem("model", "is required", "the smaller model: {\"id\": ...} or its parameters");
            }
            AcceleratorInput ra = reader.accelerator(r, "accelerator");
            Precision rp = r.choice("precision", RequestReader.INFERENCE_PRECISIONS);
            Integer tp = r.whole(Bound.TENSOR_PARALLEL);
            return share == null || m == null || share >= 1 ? null : new Routing(share, m, ra, rp, tp);
        });
        InferenceInput.Operations ops = i.read("operations", o -> {
            Double people = o.number(Bound.OPERATIONS_PEOPLE);
            Double perPerson = o.number(Bound.OPERATIONS_COST_PER_PERSON);
            Double monthly = o.number(Bound.OPERATIONS_MONTHLY_USD);
            if (monthly != null && (people != null || perPerson != null)) {
                o.problem("monthlyUsd", "cannot be combined with people or monthlyCostUsdPerPerson",
                        "either a monthly amount, or people (and optionally their monthly cost)");
            }
            if (!o.has("monthlyUsd") && !o.has("people")) {
                o.problem("people", "is required (or monthlyUsd)", "people who run the fleet, e.g. 0.5");
            }
            return new InferenceInput.Operations(people, perPerson, monthly);
        });
        String hostedApi = i.text("hostedApi");
        if (hostedApi != null && catalog.hostedApis().stream().noneMatch(a -> a.id().equals(hostedApi))) {
            List<String> apiIds = catalog.hostedApis().stream().map(a -> a.id()).toList();
            i.problem("hostedApi", "unknown hosted API '" + hostedApi + "'" + Suggest.didYouMean(hostedApi, apiIds),
                    "one of " + RequestReader.ids(apiIds));
        }
        InferenceInput.Service service = new InferenceInput.Service(i.choice("workload", RequestReader.WORKLOADS),
                i.choice("burstPricingMode", RequestReader.BURST), ops, hostedApi);
        // Read in the order the problems are listed.
        Double users = i.number(Bound.USERS);
        Integer inputTokens = i.whole(Bound.INPUT_TOKENS);
        Integer outputTokens = i.whole(Bound.OUTPUT_TOKENS);
        InferenceInput.Replica replica = new InferenceInput.Replica(acc, i.choice("precision", RequestReader.INFERENCE_PRECISIONS),
                i.whole(Bound.TENSOR_PARALLEL), i.whole(Bound.BATCH_SIZE), i.choice("stack", RequestReader.STACKS));
        Double peakToAverage = i.number(Bound.PEAK_TO_AVERAGE);
        Scaling scaling = i.choice("scaling", RequestReader.SCALING);
        double[] hourlyShape = i.numbers(Bound.HOURLY_SHAPE, 24);
        InferenceInput.Caching caching = new InferenceInput.Caching(cache, i.number(Bound.PREFIX_CACHE_HIT_RATE));
        Integer startMonth = i.whole(Bound.START_MONTH);
        Integer minReplicas = i.whole(Bound.MIN_REPLICAS);
        Double revenue = i.number(Bound.REVENUE_PER_REQUEST_USD);
        Double idleTimeout = i.number(Bound.IDLE_TIMEOUT_SECONDS);
        Double targetUtilization = i.number(Bound.TARGET_UTILIZATION);
        InferenceInput in = new InferenceInput(
                new InferenceInput.Traffic(rpd, users, inputTokens, outputTokens, peakToAverage, hourlyShape, growth,
                        startMonth, revenue),
                replica, new InferenceInput.Pricing(mode, offer, price), target,
                new InferenceInput.Capacity(scaling, minReplicas, idleTimeout, targetUtilization), caching, routing, tiers(i), service,
                new InferenceInput.Uncertain(rpdRange, growthRange, cacheRange));
        if (in.tiers() != null && (routing != null || hostedApi != null)) {
            i.problem("tiers", "cannot be combined with " + (routing != null ? "routing" : "hostedApi"),
                    "tiers (each may name its own model), or " + (routing != null ? "routing" : "hostedApi"));
        }
        if (scaling == Scaling.SERVERLESS) {
            if (mode != null && mode != PricingMode.ON_DEMAND) {
                i.problem("pricingMode", "'" + mode.wireName() + "' cannot buy serverless workers: they are billed per "
                        + "second at the offer's rate", "on-demand (or leave it out), or scaling always-on/autoscale");
            }
            if (hostedApi != null) {
                i.problem("scaling", "'serverless' cannot be combined with hostedApi (no fleet to scale)",
                        "one of them");
            }
            if (targetUtilization != null) {
                i.problem("targetUtilization", "does not apply to serverless workers: each takes one request at a time "
                        + "and the provider adds workers", "leave it out, or scaling always-on/autoscale");
            }
            if (price != null || offer != null) {
                i.problem(price != null ? "pricePerAcceleratorHourUsd" : "offer", "does not apply to serverless "
                        + "workers: the cheapest serverless offer for the accelerator is used", "leave it out");
            }
        } else if (idleTimeout != null) {
            i.problem("idleTimeoutSeconds", "only applies to scaling 'serverless'", "set scaling to 'serverless' or "
                    + "remove idleTimeoutSeconds");
        }
        if (hostedApi != null && routing != null) {
            i.problem("hostedApi", "cannot be combined with routing", "route inside the hosted API, or self-host");
        }
        if (cacheRange != null && cacheRange.high() >= 1) {
            i.problem("cacheHitRate.high", "must be below 1: a fleet that serves nothing is not an estimate",
                    "0 <= rate < 1");
        } else if (in.caching().cacheHitRate() != null && in.caching().cacheHitRate() >= 1) {
            i.problem("cacheHitRate", "must be below 1: a fleet that serves nothing is not an estimate", "0 <= rate < 1");
        }
        if (in.traffic().hourlyShape() != null && Arrays.stream(in.traffic().hourlyShape()).sum() <= 0) {
            i.problem("hourlyShape", "must have at least one positive hour", "24 non-negative weights, not all zero");
        }
        if (acc != null && acc.custom() && price == null && acc.pricePerHourUsd() == null && mode != PricingMode.OWNED) {
            i.problem("pricePerAcceleratorHourUsd", "is required for a custom accelerator",
                    "a price in USD per accelerator-hour, or pricingMode 'owned' with the accelerator's purchaseUsd");
        }
        return in;
    }
}
