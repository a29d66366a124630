package dev.aicost.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.catalog.Precision;
import dev.aicost.catalog.PricingMode;
import dev.aicost.catalog.WireName;
import dev.aicost.request.InferenceInput.Scaling;
import dev.aicost.request.TrainingInput.Kind;
import dev.aicost.request.TrainingInput.Optimizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds and validates a request from its JSON tree: every problem at once, each with its path,
 * what was wrong and what is allowed. Ids are checked against the catalog here, so an unknown
 * accelerator or model is a request problem (with the known ids), never a failure later.
 */
public final class RequestReader {
    static final Map<String, Precision> TRAINING_PRECISIONS = WireName.byWireName(
            List.of(Precision.FP32, Precision.TF32, Precision.BF16, Precision.FP16, Precision.FP8));
    static final Map<String, Precision> INFERENCE_PRECISIONS = WireName.byWireName(
            List.of(Precision.BF16, Precision.FP16, Precision.FP8, Precision.INT8, Precision.INT4, Precision.FP4));
    static final Map<String, PricingMode> PRICING = WireName.byWireName(List.of(PricingMode.values()));
    static final Map<String, Kind> KINDS = WireName.byWireName(List.of(Kind.values()));
    static final Map<String, TrainingInput.Efficiency> EFFICIENCIES = WireName.byWireName(
            List.of(TrainingInput.Efficiency.values()));
    static final Map<String, Optimizer> OPTIMIZERS = WireName.byWireName(List.of(Optimizer.values()));
    static final Map<String, Scaling> SCALING = WireName.byWireName(List.of(Scaling.values()));
    static final Map<String, InferenceInput.Stack> STACKS = WireName.byWireName(List.of(InferenceInput.Stack.values()));
    static final Map<String, InferenceInput.Workload> WORKLOADS = WireName.byWireName(
            List.of(InferenceInput.Workload.values()));
    static final Map<String, PricingMode> BURST = WireName.byWireName(
            List.of(PricingMode.ON_DEMAND, PricingMode.SPOT));
    private static final Map<String, EstimateRequest.Stage> STAGES = WireName.byWireName(
            List.of(EstimateRequest.Stage.values()));

    private final Catalog catalog;

    public RequestReader(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Whether a request is a rental quote ({@code {"rental": {...}}}) rather than an estimate. */
    public static boolean isRental(JsonNode root) {
        return RentalReader.isRental(root);
    }

    /** A rental quote: the accelerator (catalog id), how many, for how many hours, how bought, where. */
    public RentalInput rental(JsonNode root) {
        return new RentalReader(catalog).rental(root);
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
            throw InvalidRequestException.of("$", "must be a JSON object, got " + Shown.describe(root),
                    "a JSON object with 'model' and 'training' and/or 'inference'");
        }
        Fields f = new Fields(root, "", problems);
        ModelInput model = f.read("model", m -> model(m));
        TrainingInput training = f.read("training", new TrainingReader(this)::training);
        InferenceInput inference = f.read("inference", new InferenceReader(this, catalog)::inference);
        // Requests bought from an API that sells a closed model (GPT, Claude, Gemini) need no model.
        boolean closedApi = !f.has("training") && root.path("inference").path("hostedApi").isTextual();
        if (model == null && !f.has("model") && !closedApi) {
            problems.add(new Problem("model", "is required", "an object with 'id' (one of " + ids(catalog.modelIds())
                    + ") or 'parameters', unless inference.hostedApi buys the requests"));
        }
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

    static void required(Fields f, String allowed, String... names) {
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
        Set<Integer> seen = new HashSet<>();
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
        sorted.sort(Comparator.comparingInt(EstimateRequest.ActualMonth::month));
        return new EstimateRequest.Actuals(List.copyOf(sorted));
    }

    /** Mixture-of-experts, sliding-window and MLA fields of a model (each optional). */
    private static ModelSpec.Architecture architecture(Fields m) {
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
        ModelSpec.Mla mla = null;
        if (kvLora != null || nope != null || rope != null || v != null || qLora != null) {
            for (String f : List.of("kvLoraRank", "qkNopeHeadDim", "qkRopeHeadDim", "vHeadDim")) {
                if (!m.has(f)) {
                    m.problem(f, "is required for multi-head latent attention", "kvLoraRank, qkNopeHeadDim, "
                            + "qkRopeHeadDim and vHeadDim together (qLoraRank optional), as in the model's config.json");
                }
            }
            if (kvLora != null && nope != null && rope != null && v != null) {
                mla = new ModelSpec.Mla(kvLora, qLora != null ? qLora : 0, nope, rope, v);
            }
        }
        Integer moeLayers = m.whole(Bound.MOE_LAYERS);
        return new ModelSpec.Architecture(experts, perToken, m.whole(Bound.SLIDING_WINDOW), mla, moeLayers);
    }

    ModelInput model(Fields m) {
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
            m.problem("activeParameters", "(" + Shown.fmt(active) + ") exceeds parameters (" + Shown.fmt(params) + ")",
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

    AcceleratorInput accelerator(Fields parent, String name) {
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

    String offer(Fields f, AcceleratorInput acc) {
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

    static String ids(Collection<String> ids) {
        return String.join(", ", ids);
    }
}
