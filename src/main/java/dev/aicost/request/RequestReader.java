package dev.aicost.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.Precision;
import dev.aicost.catalog.PricingMode;
import dev.aicost.catalog.WireName;
import dev.aicost.request.InferenceInput.LatencyTarget;
import dev.aicost.request.InferenceInput.Routing;
import dev.aicost.request.InferenceInput.Scaling;
import dev.aicost.request.TrainingInput.Engineering;
import dev.aicost.request.TrainingInput.Kind;
import dev.aicost.request.TrainingInput.Optimizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Binds and validates a request from its JSON tree: every problem at once, each with its path,
 * what was wrong and what is allowed. Ids are checked against the catalog here, so an unknown
 * accelerator or model is a request problem (with the known ids), never a failure later.
 */
public final class RequestReader {
    private static final Map<String, Precision> TRAINING_PRECISIONS = WireName.byWireName(
            List.of(Precision.FP32, Precision.TF32, Precision.BF16, Precision.FP16, Precision.FP8));
    private static final Map<String, Precision> INFERENCE_PRECISIONS = WireName.byWireName(
            List.of(Precision.BF16, Precision.FP16, Precision.FP8, Precision.INT8, Precision.INT4, Precision.FP4));
    private static final Map<String, PricingMode> PRICING = WireName.byWireName(List.of(PricingMode.values()));
    private static final Map<String, Kind> KINDS = WireName.byWireName(List.of(Kind.values()));
    private static final Map<String, TrainingInput.Efficiency> EFFICIENCIES = WireName.byWireName(
            List.of(TrainingInput.Efficiency.values()));
    private static final Map<String, Optimizer> OPTIMIZERS = WireName.byWireName(List.of(Optimizer.values()));
    private static final Map<String, Scaling> SCALING = WireName.byWireName(List.of(Scaling.values()));
    private static final Map<String, InferenceInput.Workload> WORKLOADS = WireName.byWireName(
            List.of(InferenceInput.Workload.values()));
    private static final Map<String, PricingMode> BURST = WireName.byWireName(
            List.of(PricingMode.ON_DEMAND, PricingMode.SPOT));
    private static final Map<String, EstimateRequest.Stage> STAGES = WireName.byWireName(
            List.of(EstimateRequest.Stage.values()));

    private final Catalog catalog;

    public RequestReader(Catalog catalog) {
        this.catalog = catalog;
    }

    public EstimateRequest read(JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        if (root == null || root.isNull() || root.isMissingNode()) {
            throw InvalidRequestException.of("$", "the request is empty", "a JSON object with 'model' and 'training' and/or 'inference'");
        }
        if (root instanceof POJONode pojo && pojo.getPojo() instanceof MalformedJson malformed) {
            throw InvalidRequestException.of("$", "is not valid JSON: " + malformed.problem(),
                    "a complete JSON object");
        }
        if (!root.isObject()) {
            throw InvalidRequestException.of("$", "must be a JSON object, got " + Fields.describe(root),
                    "a JSON object with 'model' and 'training' and/or 'inference'");
        }
        Fields f = new Fields(root, "", problems);
        ModelInput model = f.read("model", m -> model(m));
        if (model == null && !f.has("model")) {
            problems.add(new Problem("model", "is required", "an object with 'id' (one of " + ids(catalog.modelIds())
                    + ") or 'parameters'"));
        }
        TrainingInput training = f.read("training", this::training);
        InferenceInput inference = f.read("inference", this::inference);
        if (!f.has("training") && !f.has("inference")) {
            problems.add(new Problem("$", "needs 'training', 'inference' or both", "at least one of training, inference"));
        }
        Integer horizon = f.whole(Bound.HORIZON_MONTHS);
        Double budget = f.number(Bound.MONTHLY_BUDGET_USD);
        Double decline = f.number(Bound.PRICE_DECLINE_PER_YEAR);
        String region = f.text("region");
        if (region != null && catalog.energy(region).isEmpty()) {
            f.problem("region", "unknown region '" + region + "'" + Suggest.didYouMean(region, catalog.energyIds()),
                    "one of " + ids(catalog.energyIds()));
        }
        EstimateRequest.Stage stage = f.choice("stage", STAGES);
        Boolean platform = f.bool("platform");
        EstimateRequest.Ownership ownership = f.read("ownership", o -> new EstimateRequest.Ownership(
                o.number(Bound.LIFE_YEARS), o.number(Bound.SERVER_AND_NETWORK_FRACTION),
                o.number(Bound.SYSTEM_POWER_FACTOR), o.number(Bound.FACILITY_USD_PER_KW_MONTH),
                o.number(Bound.COST_OF_CAPITAL_PER_YEAR), o.number(Bound.TRAINING_UTILIZATION)));
        EstimateRequest.Actuals actuals = f.read("actuals", this::actuals);
        f.finish();
        if (model != null && inference != null && model.flopsPerRequest() != null && inference.routing() != null) {
            problems.add(new Problem("inference.routing", "is only supported for language models", null));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new EstimateRequest(model, training, inference, horizon, budget, decline, region, stage, platform,
                ownership != null ? ownership : EstimateRequest.Ownership.NONE, actuals);
    }

    /** A number field, or the midpoint of the range it was sent as (null: absent or invalid, with a problem). */
    private static Double point(Fields f, Bound b, InputRange range, java.util.function.ToDoubleFunction<InputRange> mid) {
        if (range != null) {
            return mid.applyAsDouble(range);
        }
        return f.isObject(b.field()) ? null : f.number(b); // an invalid range has its problems already
    }

    /** At most this many service tiers. */
    static final int MAX_TIERS = 10;

    /** {@code inference.tiers}: 1 to 10 named tiers whose shares add up to 1, each with its own target and model. */
    private List<InferenceInput.Tier> tiers(Fields i) {
        java.util.Set<String> names = new java.util.HashSet<>();
        List<InferenceInput.Tier> tiers = i.objects("tiers", MAX_TIERS, "{name, share, latencyTargetMs, model}",
                (t, k) -> {
                    String name = t.text("name");
                    Double share = t.number(Bound.TIER_SHARE);
                    LatencyTarget target = t.read("latencyTargetMs", l -> new LatencyTarget(l.number(Bound.TTFT_MS),
                            l.number(Bound.TPOT_MS), l.number(Bound.E2E_MS)));
                    ModelInput model = t.read("model", this::model);
                    required(t, "the tier's name and its fraction of the requests, 0 < share <= 1", "name", "share");
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
            i.problem("tiers", "shares add up to " + Fields.fmt(total) + ", not 1", "shares that sum to 1");
            return null;
        }
        return List.copyOf(tiers);
    }

    private static void required(Fields f, String allowed, String... names) {
        for (String name : names) {
            if (!f.has(name)) {
                f.problem(name, "is required", allowed);
            }
        }
    }

    /** {@code actuals.months}: 1 to 120 billed months, each month once (its horizon is checked by the engine). */
    private EstimateRequest.Actuals actuals(Fields a) {
        if (!a.has("months")) {
            a.problem("months", "is required", "an array of {month, trainingUsd, inferenceUsd, requests}");
            return null;
        }
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        List<EstimateRequest.ActualMonth> months = a.objects("months", (int) Bound.ACTUAL_MONTH.max(),
                "{month, trainingUsd, inferenceUsd, requests}", (m, k) -> {
                    Integer month = m.whole(Bound.ACTUAL_MONTH);
                    Double training = m.number(Bound.ACTUAL_TRAINING_USD);
                    Double inference = m.number(Bound.ACTUAL_INFERENCE_USD);
                    Double requests = m.number(Bound.ACTUAL_REQUESTS);
                    required(m, "the bill's figure for the month (0 if none)", "month", "trainingUsd", "inferenceUsd");
                    if (month != null && !seen.add(month)) {
                        m.problem("month", "repeats month " + month, "each month once");
                    }
                    return month == null || training == null || inference == null ? null
                            : new EstimateRequest.ActualMonth(month, training, inference, requests);
                });
        if (months == null) {
            return null;
        }
        List<EstimateRequest.ActualMonth> sorted = new ArrayList<>(months);
        sorted.sort(java.util.Comparator.comparingInt(EstimateRequest.ActualMonth::month));
        return new EstimateRequest.Actuals(List.copyOf(sorted));
    }

    /** Mixture-of-experts, sliding-window and MLA fields of a model (each optional). */
    private static dev.aicost.catalog.ModelSpec.Architecture architecture(Fields m) {
        Integer experts = m.whole(Bound.EXPERTS);
        Integer perToken = m.whole(Bound.EXPERTS_PER_TOKEN);
        if (experts != null && perToken != null && perToken > experts) {
            m.problem("expertsPerToken", "(" + perToken + ") exceeds experts (" + experts + ")", "at most 'experts'");
        }
        Integer kvLora = m.whole(Bound.KV_LORA_RANK);
        Integer qLora = m.whole(Bound.Q_LORA_RANK);
        Integer nope = m.whole(Bound.QK_NOPE_HEAD_DIM);
        Integer rope = m.whole(Bound.QK_ROPE_HEAD_DIM);
        Integer v = m.whole(Bound.V_HEAD_DIM);
        dev.aicost.catalog.ModelSpec.Mla mla = null;
        if (kvLora != null || nope != null || rope != null || v != null || qLora != null) {
            for (String f : List.of("kvLoraRank", "qkNopeHeadDim", "qkRopeHeadDim", "vHeadDim")) {
                if (!m.has(f)) {
                    m.problem(f, "is required for multi-head latent attention", "kvLoraRank, qkNopeHeadDim, "
                            + "qkRopeHeadDim and vHeadDim together (qLoraRank optional), as in the model's config.json");
                }
            }
            if (kvLora != null && nope != null && rope != null && v != null) {
                mla = new dev.aicost.catalog.ModelSpec.Mla(kvLora, qLora != null ? qLora : 0, nope, rope, v);
            }
        }
        return new dev.aicost.catalog.ModelSpec.Architecture(experts, perToken, m.whole(Bound.SLIDING_WINDOW), mla);
    }

    private ModelInput model(Fields m) {
        String id = m.text("id");
        if (id != null && catalog.model(id).isEmpty()) {
            m.problem("id", "unknown model '" + id + "'" + Suggest.didYouMean(id, catalog.modelIds()),
                    "one of " + ids(catalog.modelIds()) + ", or give 'parameters' and the architecture");
        }
        Double params = m.number(Bound.PARAMETERS);
        Double active = m.number(Bound.ACTIVE_PARAMETERS);
        ModelInput in = new ModelInput(id, m.text("name"), params, active,
                m.whole(Bound.LAYERS), m.whole(Bound.HIDDEN_SIZE),
                m.whole(Bound.ATTENTION_HEADS), m.whole(Bound.KV_HEADS),
                m.whole(Bound.HEAD_DIM), m.whole(Bound.VOCAB_SIZE),
                m.whole(Bound.CONTEXT_LENGTH),
                m.number(Bound.FLOPS_PER_REQUEST),
                m.number(Bound.WEIGHTS_BYTES), architecture(m));
        if (id == null && params == null && !m.has("id") && !m.has("parameters")) {
            m.problem("id", "is required unless 'parameters' is given", "one of " + ids(catalog.modelIds()));
        }
        if (params != null && active != null && active > params) {
            m.problem("activeParameters", "(" + Fields.fmt(active) + ") exceeds parameters (" + Fields.fmt(params) + ")",
                    "at most 'parameters'");
        }
        if (in.kvHeads() != null && in.attentionHeads() != null && in.kvHeads() > in.attentionHeads()) {
            m.problem("kvHeads", "exceeds attentionHeads", "at most 'attentionHeads'");
        }
        if ((in.flopsPerRequest() == null) != (in.weightsBytes() == null) && id == null) {
            m.problem(in.flopsPerRequest() == null ? "flopsPerRequest" : "weightsBytes",
                    "is required with the other one for a non-LLM model", "both flopsPerRequest and weightsBytes");
        }
        return in;
    }

    private AcceleratorInput accelerator(Fields parent, String name) {
        JsonNode raw = parent.raw(name);
        if (raw == null) {
            return null;
        }
        if (raw.isTextual()) {
            String id = parent.text(name);
            if (id != null && catalog.accelerator(id).isEmpty()) {
                parent.problem(name, "unknown accelerator '" + id + "'" + Suggest.didYouMean(id, catalog.acceleratorIds()),
                        "one of " + ids(catalog.acceleratorIds()) + ", or an object with the accelerator's specs");
                return null;
            }
            return id == null ? null : AcceleratorInput.ofId(id);
        }
        Fields a = parent.object(name);
        if (a == null) {
            return null;
        }
        String id = a.text("id");
        boolean custom = id == null || catalog.accelerator(id).isEmpty();
        Map<Precision, Double> peaks = new EnumMap<>(Precision.class);
        Fields p = a.object("peakTflops");
        if (p != null) {
            for (Precision prec : Precision.values()) {
                Double v = p.number(prec.wireName(), Bound.PEAK_TFLOPS);
                if (v != null) {
                    peaks.put(prec, v);
                }
            }
            p.finish();
        }
        if (peaks.containsKey(Precision.FP16) && !peaks.containsKey(Precision.BF16)) {
            peaks.put(Precision.BF16, peaks.remove(Precision.FP16));
        }
        peaks.remove(Precision.FP16);
        AcceleratorInput in = new AcceleratorInput(id == null ? "custom" : id, custom, a.text("name"), peaks,
                a.number(Bound.MEMORY_GB), a.number(Bound.BANDWIDTH_GBS),
                a.number(Bound.TDP_W), a.number(Bound.INTERCONNECT_GBS), a.text("interconnect"),
                a.number(Bound.PURCHASE_USD), a.number(Bound.PRICE_PER_HOUR_USD));
        if (custom) {
            if (!peaks.containsKey(Precision.BF16) && (p == null || !p.has("bf16"))) {
                a.problem("peakTflops", "a custom accelerator needs at least its bf16 (or fp16) dense peak",
                        "an object such as {\"bf16\": 312, \"fp8\": 624}");
            }
            for (String req : List.of("memoryGb", "bandwidthGBs")) {
                if (!a.has(req)) {
                    a.problem(req, "is required for a custom accelerator (id '" + in.id() + "' is not in the catalog)",
                            "a positive number; or use a catalog id: " + ids(catalog.acceleratorIds()));
                }
            }
        }
        a.finish();
        return in;
    }

    /** {@code efficiency}: "typical", "tuned", or a number (an MFU, the same as {@code mfu}). */
    private static TrainingInput.Efficiency efficiency(Fields t) {
        JsonNode e = t.raw("efficiency");
        if (e == null || e.isNumber()) {
            return null; // a number is read as the MFU (see training())
        }
        return t.choice("efficiency", EFFICIENCIES);
    }

    /** {@code mfu}, or {@code efficiency} given as a number (never both). */
    private static Double mfu(Fields t) {
        Double mfu = t.number(Bound.MFU);
        JsonNode e = t.raw("efficiency");
        if (e == null || !e.isNumber()) {
            return mfu;
        }
        Double asNumber = t.number("efficiency", Bound.MFU);
        if (mfu != null) {
            t.problem("efficiency", "is a number and mfu is given too", "one of them: efficiency as a number is the MFU");
        }
        return asNumber;
    }

    private TrainingInput training(Fields t) {
        Kind kind = t.choice("kind", KINDS);
        AcceleratorInput acc = accelerator(t, "accelerator");
        Integer count = t.whole(Bound.ACCELERATORS);
        Double deadline = t.number(Bound.DEADLINE_DAYS);
        if (count != null && deadline != null) {
            t.problem("deadlineDays", "cannot be combined with 'accelerators'",
                    "either accelerators (→ wall-clock days) or deadlineDays (→ accelerators needed)");
        }
        PricingMode mode = t.choice("pricingMode", PRICING);
        String offer = offer(t, acc);
        Double price = t.number(Bound.PRICE_PER_ACCELERATOR_HOUR_USD);
        Engineering eng = t.read("engineering", e -> {
            Integer people = e.whole(Bound.PEOPLE);
            Double months = e.number(Bound.MONTHS);
            Double monthly = e.number(Bound.MONTHLY_COST_USD);
            for (String req : List.of("people", "months", "monthlyCostUsd")) {
                if (!e.has(req)) {
                    e.problem(req, "is required in engineering", "a positive number");
                }
            }
            return people == null || months == null || monthly == null ? null : new Engineering(people, months, monthly);
        });
        TrainingInput in = new TrainingInput(kind, t.number(Bound.TOKENS),
                t.number(Bound.FLOPS), t.number(Bound.ACCELERATOR_HOURS), acc,
                count, deadline, t.choice("precision", TRAINING_PRECISIONS), mfu(t),
                t.number(Bound.GOODPUT), t.whole(Bound.SEQUENCE_LENGTH),
                t.bool("activationCheckpointing"), t.choice("optimizer", OPTIMIZERS), t.whole(Bound.LORA_RANK),
                mode, offer, price, t.number(Bound.SPOT_RESTART_OVERHEAD),
                t.number(Bound.EXPERIMENTS_OVERHEAD), eng, t.number(Bound.RETRAIN_EVERY_MONTHS),
                t.number(Bound.RETRAIN_TOKENS), t.number(Bound.HARDWARE_LIFE_YEARS), efficiency(t));
        if (in.loraRank() != null && kind != Kind.LORA) {
            t.problem("loraRank", "only applies when kind is 'lora'", "set kind to 'lora' or remove loraRank");
        }
        if (in.retrainTokens() != null && in.retrainEveryMonths() == null) {
            t.problem("retrainTokens", "needs retrainEveryMonths", "set retrainEveryMonths");
        }
        if (acc != null && acc.custom() && price == null && acc.pricePerHourUsd() == null && mode != PricingMode.OWNED) {
            t.problem("pricePerAcceleratorHourUsd", "is required for a custom accelerator",
                    "a price in USD per accelerator-hour, or pricingMode 'owned' with the accelerator's purchaseUsd");
        }
        return in;
    }

    private InferenceInput inference(Fields i) {
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
        AcceleratorInput acc = accelerator(i, "accelerator");
        PricingMode mode = i.choice("pricingMode", PRICING);
        String offer = offer(i, acc);
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
            ModelInput m = r.read("model", mm -> model(mm));
            if (!r.has("model")) {
                r.problem("model", "is required", "the smaller model: {\"id\": ...} or its parameters");
            }
            AcceleratorInput ra = accelerator(r, "accelerator");
            Precision rp = r.choice("precision", INFERENCE_PRECISIONS);
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
                    "one of " + ids(apiIds));
        }
        InferenceInput.Service service = new InferenceInput.Service(i.choice("workload", WORKLOADS),
                i.choice("burstPricingMode", BURST), ops, hostedApi);
        // Read in the order the problems are listed.
        Double users = i.number(Bound.USERS);
        Integer inputTokens = i.whole(Bound.INPUT_TOKENS);
        Integer outputTokens = i.whole(Bound.OUTPUT_TOKENS);
        InferenceInput.Replica replica = new InferenceInput.Replica(acc, i.choice("precision", INFERENCE_PRECISIONS),
                i.whole(Bound.TENSOR_PARALLEL), i.whole(Bound.BATCH_SIZE));
        Double peakToAverage = i.number(Bound.PEAK_TO_AVERAGE);
        Scaling scaling = i.choice("scaling", SCALING);
        double[] hourlyShape = i.numbers(Bound.HOURLY_SHAPE, 24);
        InferenceInput.Caching caching = new InferenceInput.Caching(cache, i.number(Bound.PREFIX_CACHE_HIT_RATE));
        Integer startMonth = i.whole(Bound.START_MONTH);
        Integer minReplicas = i.whole(Bound.MIN_REPLICAS);
        Double revenue = i.number(Bound.REVENUE_PER_REQUEST_USD);
        Double idleTimeout = i.number(Bound.IDLE_TIMEOUT_SECONDS);
        InferenceInput in = new InferenceInput(
                new InferenceInput.Traffic(rpd, users, inputTokens, outputTokens, peakToAverage, hourlyShape, growth,
                        startMonth, revenue),
                replica, new InferenceInput.Pricing(mode, offer, price), target,
                new InferenceInput.Capacity(scaling, minReplicas, idleTimeout), caching, routing, tiers(i), service,
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
        if (in.traffic().hourlyShape() != null && java.util.Arrays.stream(in.traffic().hourlyShape()).sum() <= 0) {
            i.problem("hourlyShape", "must have at least one positive hour", "24 non-negative weights, not all zero");
        }
        if (acc != null && acc.custom() && price == null && acc.pricePerHourUsd() == null && mode != PricingMode.OWNED) {
            i.problem("pricePerAcceleratorHourUsd", "is required for a custom accelerator",
                    "a price in USD per accelerator-hour, or pricingMode 'owned' with the accelerator's purchaseUsd");
        }
        return in;
    }

    private String offer(Fields f, AcceleratorInput acc) {
        String offer = f.text("offer");
        if (offer == null) {
            return null;
        }
        var o = catalog.offer(offer);
        if (o.isEmpty()) {
            f.problem("offer", "unknown offer '" + offer + "'" + Suggest.didYouMean(offer, catalog.offerIds()),
                    "one of " + ids(catalog.offerIds()));
            return null;
        }
        if (acc != null && !acc.custom() && !o.get().acceleratorId().equals(acc.id())) {
            f.problem("offer", "'" + offer + "' rents " + o.get().acceleratorId() + ", not " + acc.id(),
                    "an offer for " + acc.id() + ": " + ids(catalog.offersFor(acc.id()).stream().map(x -> x.id()).toList()));
        }
        return offer;
    }

    private static String ids(Collection<String> ids) {
        return String.join(", ", ids);
    }
}
