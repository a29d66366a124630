package dev.aicost.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.Precision;
import dev.aicost.catalog.PricingMode;
import dev.aicost.report.BestPlan;
import dev.aicost.report.CostReport;
import dev.aicost.report.InferenceReport;
import dev.aicost.report.Optimization;
import dev.aicost.report.TrainingReport;
import dev.aicost.request.EstimateRequest;
import dev.aicost.request.InferenceInput;
import dev.aicost.request.InvalidRequestException;
import dev.aicost.request.TrainingInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cost levers, each priced by re-running the engine on the request with the lever applied as a
 * JSON merge patch (RFC 7386): savings are the difference of the two lifecycle totals, never a
 * fixed percentage. Levers the request already uses are not suggested; a lever that breaks the
 * latency target or memory, or saves nothing, is listed as not applicable with the reason.
 */
final class Levers {
    /** Typical exact-cache hit rate: the low end of the 30–60 % seen in production (seed figures). */
    static final double TYPICAL_CACHE_HIT_RATE = 0.3;
    static final double ROUTED_SHARE = 0.5;

    private Levers() {
    }

    record Advice(List<Optimization> levers, BestPlan best) {
    }

    /** A candidate: what it changes (as a patch) and what it costs in other ways. */
    private record Candidate(String lever, String phase, String group, ObjectNode patch, String change,
            String tradeOff) {
    }

    private record Priced(Candidate candidate, Optimization optimization, double totalUsd) {
    }

    static Advice advise(CostEngine engine, ObjectNode request, EstimateRequest req, CostReport base,
            boolean searchCatalog) {
        List<Candidate> candidates = new ArrayList<>();
        if (req.inference() != null) {
            inferenceLevers(engine, req, base, searchCatalog, candidates);
        }
        if (req.training() != null) {
            trainingLevers(engine, req, base, candidates);
        }
        List<Priced> priced = new ArrayList<>();
        for (Candidate c : candidates) {
            priced.add(price(engine, request, base, c));
        }
        // The catalog search yields one lever: the cheapest accelerator that still qualifies.
        List<Priced> kept = new ArrayList<>();
        Priced bestAccelerator = null;
        for (Priced p : priced) {
            if (p.candidate().group().equals("inference-accelerator")) {
                if (p.optimization().applicable() && (bestAccelerator == null
                        || p.optimization().savingsUsd() > bestAccelerator.optimization().savingsUsd())) {
                    bestAccelerator = p;
                }
            } else {
                kept.add(p);
            }
        }
        if (bestAccelerator != null) {
            kept.add(bestAccelerator);
        } else if (priced.stream().anyMatch(p -> p.candidate().group().equals("inference-accelerator"))) {
            kept.add(new Priced(new Candidate("cheaper-accelerator", "INFERENCE", "inference-accelerator", null,
                    "", ""), new Optimization("cheaper-accelerator", "INFERENCE", false, "inference.accelerator: "
                    + "searched the catalog", 0, 0, "different hardware", "no catalog accelerator serves this "
                    + "workload for less within the latency target", null), base.lifecycle().totalUsd()));
        }
        kept.sort(Comparator.comparing((Priced p) -> !p.optimization().applicable())
                .thenComparing(Comparator.comparingDouble((Priced p) -> p.optimization().savingsUsd()).reversed())
                .thenComparing(p -> p.optimization().lever()));
        List<Optimization> levers = kept.stream().map(Priced::optimization).toList();
        return new Advice(levers, combine(engine, request, base, kept));
    }

    /**
     * The best plan: all applicable levers together (the best of each kind) in one re-run; if that
     * breaks the latency target, memory, or saves less than some single lever, fall back to a greedy
     * build (best first, each kept only if it still lowers the total).
     */
    private static BestPlan combine(CostEngine engine, ObjectNode request, CostReport base, List<Priced> levers) {
        List<Priced> useful = new ArrayList<>();
        Set<String> groups = new HashSet<>();
        for (Priced p : levers) {
            if (p.optimization().applicable() && p.optimization().savingsUsd() > 0 && groups.add(p.candidate().group())) {
                useful.add(p);
            }
        }
        if (useful.isEmpty()) {
            return null;
        }
        double bestSingle = useful.stream().mapToDouble(Priced::totalUsd).min().orElseThrow();
        if (useful.size() == 1) {
            return plan(base, List.of(useful.get(0).optimization().lever()), bestSingle);
        }
        ObjectNode all = request;
        for (Priced p : useful) {
            all = patched(all, p.candidate().patch());
        }
        Double together = totalIfValid(engine, all, base);
        if (together != null && together <= bestSingle) {
            return plan(base, useful.stream().map(p -> p.optimization().lever()).toList(), together);
        }
        List<String> chosen = new ArrayList<>(List.of(useful.get(0).optimization().lever()));
        ObjectNode plan = patched(request, useful.get(0).candidate().patch());
        double total = useful.get(0).totalUsd();
        for (Priced p : useful.subList(1, useful.size())) {
            ObjectNode next = patched(plan, p.candidate().patch());
            Double t = totalIfValid(engine, next, base);
            if (t != null && t < total) {
                plan = next;
                total = t;
                chosen.add(p.optimization().lever());
            }
        }
        return plan(base, chosen, total);
    }

    private static Double totalIfValid(CostEngine engine, ObjectNode request, CostReport base) {
        try {
            CostReport r = engine.evaluate(request);
            return refusal(base, r) != null ? null : r.lifecycle().totalUsd();
        } catch (InvalidRequestException e) {
            return null; // a combination the engine refuses (e.g. no longer fits) is not taken
        }
    }

    private static BestPlan plan(CostReport base, List<String> levers, double total) {
        double savings = Num.money(base.lifecycle().totalUsd() - total);
        return new BestPlan(List.copyOf(levers), total, savings,
                Num.sig(base.lifecycle().totalUsd() > 0 ? savings / base.lifecycle().totalUsd() * 100 : 0));
    }

    private static Priced price(CostEngine engine, ObjectNode request, CostReport base, Candidate c) {
        ObjectNode patched = patched(request, c.patch());
        double phaseBase = c.phase().equals("TRAINING") ? base.lifecycle().trainingUsd() : base.lifecycle().inferenceUsd();
        CostReport r;
        try {
            r = engine.evaluate(patched);
        } catch (InvalidRequestException e) {
            return notApplicable(c, base, e.problems().get(0).path() + " " + e.problems().get(0).problem());
        }
        String refused = refusal(base, r);
        if (refused != null) {
            return notApplicable(c, base, refused);
        }
        double difference = base.lifecycle().totalUsd() - r.lifecycle().totalUsd();
        if (difference < 0.005) {
            String why = difference > -0.005 ? "saves nothing for this workload"
                    : "costs $" + Advisor.usd(-difference) + " more for this workload";
            if (c.lever().equals("activation-checkpointing") && base.training() != null && r.training() != null) {
                why += " (8·N·D instead of 6·N·D); it only pays to fit: minimum accelerators "
                        + base.training().memoryPlan().minAccelerators() + " → "
                        + r.training().memoryPlan().minAccelerators();
            }
            return notApplicable(c, base, why);
        }
        double savings = Num.money(difference);
        double percent = phaseBase > 0 ? Num.sig(savings / phaseBase * 100) : 0;
        return new Priced(c, new Optimization(c.lever(), c.phase(), true, c.change(), savings, percent, c.tradeOff(),
                null, c.patch().toString()), r.lifecycle().totalUsd());
    }

    private static Priced notApplicable(Candidate c, CostReport base, String why) {
        return new Priced(c, new Optimization(c.lever(), c.phase(), false, c.change(), 0, 0, c.tradeOff(), why,
                c.patch().toString()), base.lifecycle().totalUsd());
    }

    /** Why a lever's result may not be taken (a met latency target missed, a fitting plan no longer fits), or null. */
    private static String refusal(CostReport base, CostReport r) {
        if (base.inference() != null && r.inference() != null && base.inference().latencyTargetMet()
                && !r.inference().latencyTargetMet()) {
            InferenceReport i = r.inference();
            return "breaks the latency target (TTFT " + Num.show(Num.sig(i.ttftMs(), 3)) + " ms, TPOT "
                    + Num.show(Num.sig(i.tpotMs(), 3)) + " ms)";
        }
        if (base.training() != null && r.training() != null && base.training().memoryPlan().fits()
                && !r.training().memoryPlan().fits()) {
            return "the training state no longer fits in " + r.training().accelerators() + " accelerators";
        }
        return null;
    }

    private static void inferenceLevers(CostEngine engine, EstimateRequest req, CostReport base,
            boolean searchCatalog, List<Candidate> out) {
        InferenceInput in = req.inference();
        InferenceReport r = base.inference();
        boolean llm = "llm".equals(base.model().kind());
        Precision current = Precision.fromWire(r.precision()).orElse(Precision.BF16);
        List<Precision> narrower = llm ? List.of(Precision.FP8, Precision.INT8, Precision.INT4)
                : List.of(Precision.INT8);
        for (Precision p : narrower) {
            if (p.bytesPerValue() < current.bytesPerValue()) {
                out.add(new Candidate("quantization-" + p.wireName(), "INFERENCE", "inference-precision",
                        patch("inference", "precision", p.wireName()), "inference.precision: " + r.precision() + " → "
                        + p.wireName(), switch (p) {
                            case FP8 -> "weights and KV cache 2× smaller; near-lossless with calibrated scales on "
                                    + "FP8 hardware";
                            case INT8 -> "2× smaller; small quality loss (W8A8/SmoothQuant), validate on your evals";
                            default -> "4× smaller weights; measurable quality loss on some tasks (AWQ/GPTQ), "
                                    + "validate on your evals";
                        }));
            }
        }
        if (in.batchSize() != null) {
            out.add(new Candidate("batching", "INFERENCE", "inference-batching",
                    patch("inference", "batchSize", null), "inference.batchSize: " + in.batchSize()
                    + " → the best operating point", "higher per-request latency within the target; needs "
                    + "continuous batching (vLLM, TensorRT-LLM, TGI)"));
        }
        if (in.cacheHitRate() == null || in.cacheHitRate() == 0) {
            out.add(new Candidate("response-caching", "INFERENCE", "inference-cache",
                    patch("inference", "cacheHitRate", TYPICAL_CACHE_HIT_RATE), "inference.cacheHitRate: 0 → "
                    + TYPICAL_CACHE_HIT_RATE + " (30–60 % is common)", "only repeated questions hit; stale answers "
                    + "unless invalidated"));
        }
        if (llm && in.routing() == null) {
            double params = base.model().parameters();
            String small = params >= 2e10 ? "llama-3.1-8b" : params >= 5e9 ? "llama-3.2-3b" : null;
            if (small != null) {
                ObjectNode p = JsonNodeFactory.instance.objectNode();
                ObjectNode routing = p.putObject("inference").putObject("routing");
                routing.put("share", ROUTED_SHARE);
                routing.putObject("model").put("id", small);
                out.add(new Candidate("routing", "INFERENCE", "inference-routing", p, "inference.routing: "
                        + (int) (ROUTED_SHARE * 100) + " % of requests to " + small, "needs a router that sends "
                        + "only easy queries to the small model; quality risk on misrouted ones"));
            }
        }
        if (searchCatalog && in.pricePerAcceleratorHourUsd() == null
                && (in.accelerator() == null || !in.accelerator().custom()) && in.offer() == null) {
            for (Accelerator a : engine.catalog().accelerators()) {
                // Only hardware one can rent: a "reference" price (e.g. DeepSeek's H800 assumption) is no offer.
                if (a.id().equals(r.accelerator())
                        || "reference".equals(engine.catalog().defaultOffer(a.id()).provider())) {
                    continue;
                }
                ObjectNode p = JsonNodeFactory.instance.objectNode();
                ObjectNode i = p.putObject("inference");
                i.put("accelerator", a.id());
                i.putNull("tensorParallel");
                i.putNull("batchSize");
                out.add(new Candidate("cheaper-accelerator", "INFERENCE", "inference-accelerator", p,
                        "inference.accelerator: " + r.accelerator() + " → " + a.id(), "different hardware: "
                        + "re-validate latency and the serving stack on " + a.name()));
            }
        }
        boolean alwaysOn = "always-on".equals(r.scaling());
        PricingMode mode = PricingMode.fromWire(r.pricingMode()).orElse(PricingMode.ON_DEMAND);
        if (alwaysOn && mode == PricingMode.ON_DEMAND && in.pricePerAcceleratorHourUsd() == null) {
            int horizon = base.lifecycle().horizonMonths();
            PricingMode commit = horizon >= 36 ? PricingMode.COMMIT_3Y : PricingMode.COMMIT_1Y;
            out.add(new Candidate("commitment", "INFERENCE", "inference-pricing",
                    patch("inference", "pricingMode", commit.wireName()), "inference.pricingMode: on-demand → "
                    + commit.wireName() + " for the always-on fleet", "pays for the term even if traffic falls"));
        }
        if (alwaysOn) {
            out.add(new Candidate("autoscaling", "INFERENCE", "inference-scaling",
                    patch("inference", "scaling", "autoscale"), "inference.scaling: always-on → autoscale",
                    "new replicas take minutes to start: queueing at sudden peaks; needs an autoscaler"));
        }
    }

    private static void trainingLevers(CostEngine engine, EstimateRequest req, CostReport base, List<Candidate> out) {
        TrainingInput in = req.training();
        TrainingReport t = base.training();
        PricingMode mode = PricingMode.fromWire(t.pricingMode()).orElse(PricingMode.ON_DEMAND);
        if (mode != PricingMode.SPOT && mode != PricingMode.OWNED && in.pricePerAcceleratorHourUsd() == null
                && in.acceleratorHours() == null) {
            out.add(new Candidate("spot-training", "TRAINING", "training-pricing",
                    patch("training", "pricingMode", "spot"), "training.pricingMode: " + t.pricingMode() + " → spot",
                    "preemptions: checkpoint often; ~10 % of hours redone and longer wall-clock time"));
        }
        Precision p = Precision.fromWire(t.precision()).orElse(Precision.BF16);
        Accelerator acc = engine.catalog().accelerator(t.accelerator()).orElse(null);
        if (in.acceleratorHours() == null) {
            if (p == Precision.FP32 || p == Precision.TF32) {
                out.add(new Candidate("mixed-precision", "TRAINING", "training-precision",
                        patch("training", "precision", "bf16"), "training.precision: " + t.precision() + " → bf16",
                        "halves weight and activation memory; loss scaling is not needed with bf16"));
            } else if ((p == Precision.BF16 || p == Precision.FP16) && acc != null
                    && acc.nativePeakFlops(Precision.FP8).isPresent()) {
                out.add(new Candidate("fp8-training", "TRAINING", "training-precision",
                        patch("training", "precision", "fp8"), "training.precision: " + t.precision() + " → fp8",
                        "needs an FP8 recipe (Transformer Engine, per-block scaling); watch loss spikes"));
            }
            if (in.activationCheckpointing() == null || !in.activationCheckpointing()) {
                out.add(new Candidate("activation-checkpointing", "TRAINING", "training-memory",
                        patch("training", "activationCheckpointing", true), "training.activationCheckpointing: "
                        + "false → true", "recomputes activations: 8·N·D instead of 6·N·D FLOPs"));
            }
        }
    }

    private static ObjectNode patch(String section, String field, Object value) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        ObjectNode s = p.putObject(section);
        if (value == null) {
            s.putNull(field);
        } else if (value instanceof String v) {
            s.put(field, v);
        } else if (value instanceof Double v) {
            s.put(field, v);
        } else if (value instanceof Boolean v) {
            s.put(field, v);
        } else {
            throw new IllegalArgumentException("unsupported patch value " + value);
        }
        return p;
    }

    /**
     * The request with a merge patch applied, as a new tree that shares every untouched subtree with
     * the original (nothing here mutates a request tree), instead of a deep copy per what-if run.
     */
    static ObjectNode patched(ObjectNode original, JsonNode patch) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        copy.setAll(original);
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                copy.remove(e.getKey());
            } else if (v.isObject()) {
                ObjectNode child = copy.get(e.getKey()) instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
                copy.set(e.getKey(), patched(child, v));
            } else {
                copy.set(e.getKey(), v);
            }
        }
        return copy;
    }
}
