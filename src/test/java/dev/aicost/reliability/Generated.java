package dev.aicost.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;

/**
 * Seeded generators of plausible requests for the property tests (a small in-house equivalent of
 * a property-testing library: every case is reproducible from its seed and printed on failure).
 */
public final class Generated {
    static final String[] LLMS = {"llama-2-7b", "llama-3.1-8b", "llama-3.1-70b", "mistral-7b", "mixtral-8x7b",
        "qwen2.5-72b", "llama-3.2-3b", "deepseek-v3", "llama-3.1-405b"};
    static final String[] ACCELERATORS = {"t4", "l4", "a10g", "a100-40gb", "a100-80gb", "h100-sxm", "h100-pcie",
        "h800", "h200", "b200", "mi300x", "inferentia2", "trainium1"};

    private Generated() {
    }

    static double logUniform(Random r, double lo, double hi) {
        return Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * r.nextDouble());
    }

    static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    public static ObjectNode training(long seed) {
        Random r = new Random(seed);
        ObjectNode req = ReportChecks.JSON.createObjectNode();
        req.putObject("model").put("id", pick(r, LLMS));
        ObjectNode t = req.putObject("training");
        t.put("tokens", Math.rint(logUniform(r, 1e7, 1e13)));
        t.put("accelerator", pick(r, ACCELERATORS));
        t.put("precision", pick(r, new String[] {"bf16", "fp8", "fp16", "tf32"}));
        t.put("kind", pick(r, new String[] {"pretraining", "full-finetune", "lora"}));
        t.put("pricingMode", pick(r, new String[] {"on-demand", "spot", "commit-1y", "owned"}));
        int count = r.nextInt(12);
        if (count > 0) {
            t.put("accelerators", 1 << count);
        }
        if (r.nextBoolean()) {
            t.put("retrainEveryMonths", 1 + r.nextInt(12));
        }
        if (r.nextInt(4) == 0) {
            t.put("activationCheckpointing", true);
        }
        return req;
    }

    public static ObjectNode inference(long seed) {
        Random r = new Random(seed);
        ObjectNode req = ReportChecks.JSON.createObjectNode();
        req.putObject("model").put("id", pick(r, LLMS));
        ObjectNode i = req.putObject("inference");
        i.put("requestsPerDay", Math.rint(logUniform(r, 1, 1e9)));
        i.put("accelerator", pick(r, new String[] {"h100-sxm", "h200", "a100-80gb", "l4", "b200", "mi300x", "a10g"}));
        i.put("precision", pick(r, new String[] {"bf16", "fp8", "int8", "int4"}));
        i.put("inputTokens", 1 + r.nextInt(8000));
        i.put("outputTokens", 1 + r.nextInt(2000));
        i.put("cacheHitRate", pick(r, new Double[] {0.0, 0.2, 0.5}));
        i.put("scaling", pick(r, new String[] {"always-on", "autoscale"}));
        i.put("monthlyGrowth", pick(r, new Double[] {0.0, 0.05, 0.3}));
        if (r.nextBoolean()) {
            i.putObject("latencyTargetMs").put("tpotMs", 20 + r.nextInt(200));
        }
        req.put("horizonMonths", 1 + r.nextInt(120));
        // How it is bought and served (drawn last, so the draws above stay as they were).
        i.put("pricingMode", pick(r, new String[] {"on-demand", "on-demand", "commit-1y", "owned"}));
        i.put("workload", pick(r, new String[] {"interactive", "batch"}));
        if (r.nextInt(4) == 0) {
            i.put("stack", "tuned");
        }
        if (r.nextInt(8) == 0) {
            i.put("hostedApi", pick(r, new String[] {"groq-llama-3.3-70b", "openai-gpt-5-mini", "deepseek-chat"}));
        }
        if (r.nextInt(6) == 0) { // serverless workers (drawn last, so the draws above stay as they were)
            i.put("scaling", "serverless").put("pricingMode", "on-demand").remove("hostedApi");
            if (r.nextBoolean()) {
                i.put("idleTimeoutSeconds", pick(r, new Double[] {0.0, 5.0, 60.0, 600.0}));
            }
        }
        return req;
    }

    /** An inference request whose traffic, growth or cache hit rate is sent as a {low, high} range. */
    public static ObjectNode uncertain(long seed) {
        ObjectNode req = inference(seed);
        ObjectNode i = (ObjectNode) req.get("inference");
        Random r = new Random(seed ^ 0x5DEECE66DL);
        int which = 1 + r.nextInt(7); // a non-empty subset of the three fields
        if ((which & 1) != 0) {
            double rpd = i.get("requestsPerDay").asDouble();
            double f = 1.2 + 3 * r.nextDouble();
            i.putObject("requestsPerDay").put("low", Math.max(1, Math.rint(rpd / f))).put("high", Math.rint(rpd * f));
        }
        if ((which & 2) != 0) {
            double g = i.get("monthlyGrowth").asDouble();
            i.putObject("monthlyGrowth").put("low", g).put("high", g + 0.1 * r.nextInt(4));
        }
        if ((which & 4) != 0) {
            double h = i.get("cacheHitRate").asDouble();
            i.putObject("cacheHitRate").put("low", h).put("high", Math.min(0.9, h + 0.1 + 0.3 * r.nextDouble()));
        }
        return req;
    }

    public static ObjectNode both(long seed) {
        ObjectNode req = inference(seed);
        req.set("training", training(seed + 1).get("training"));
        Random r = new Random(seed * 31 + 7); // drawn apart, so the draws above stay as they were
        if (r.nextInt(3) == 0) {
            ((ObjectNode) req.get("inference")).put("revenuePerRequestUsd", logUniform(r, 1e-5, 1));
        }
        if (r.nextInt(5) == 0) { // two service tiers, the first held to a tighter target
            ObjectNode i = (ObjectNode) req.get("inference");
            i.remove("hostedApi");
            double premium = 0.1 + 0.4 * r.nextDouble();
            var tiers = i.putArray("tiers");
            tiers.addObject().put("name", "premium").put("share", premium).putObject("latencyTargetMs")
                    .put("tpotMs", 20 + r.nextInt(30));
            tiers.addObject().put("name", "basic").put("share", 1 - premium).putObject("latencyTargetMs")
                    .put("tpotMs", 60 + r.nextInt(100));
        }
        if (r.nextInt(3) == 0) { // a few billed months, within the horizon
            int horizon = req.get("horizonMonths").asInt();
            var months = req.putObject("actuals").putArray("months");
            for (int m = 1; m <= Math.min(horizon, 1 + r.nextInt(4)); m++) {
                var month = months.addObject().put("month", m).put("trainingUsd", m == 1 ? logUniform(r, 1, 1e7) : 0)
                        .put("inferenceUsd", logUniform(r, 1, 1e6));
                if (r.nextBoolean()) {
                    month.put("requests", Math.rint(logUniform(r, 1, 1e9)));
                }
            }
        }
        return req;
    }
}
