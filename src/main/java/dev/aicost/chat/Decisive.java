package dev.aicost.chat;

import dev.aicost.report.CostReport;
import dev.aicost.report.Optimization;
import java.util.ArrayList;
import java.util.List;

/**
 * What a chat answer must show inline because it changes the decision: warnings that a latency
 * target is missed, a request or model does not fit, the fleet is mostly idle, or a price is old; and
 * the levers in plain words, one per saving (two quantizations saving the same dollars are one choice).
 */
final class Decisive {
    private static final List<String> DECISIVE = List.of("cannot be met", "misses its latency target", "exceed",
            "does not fit", "mostly idle", "more than 12 months");

    private Decisive() {
    }

    static List<String> warnings(CostReport r) {
        List<String> out = new ArrayList<>();
        for (String w : r.warnings()) {
            if (DECISIVE.stream().anyMatch(w::contains)) {
                out.add(w);
            }
        }
        if (r.inference() != null && !r.inference().point().latencyTargetMet()
                && out.stream().noneMatch(w -> w.contains("latency target"))) {
            out.add("The latency target is not met: TTFT " + Understood.ms(r.inference().point().ttftMs())
                    + ", end-to-end " + Understood.ms(r.inference().point().e2eMs()) + ".");
        }
        return out;
    }

    /** The applicable levers, at most {@code limit}, dropping one whose saving repeats the one before. */
    static List<Optimization> levers(CostReport r, int limit) {
        List<Optimization> out = new ArrayList<>();
        for (Optimization o : r.optimizations()) {
            if (!o.applicable() || out.size() == limit) {
                continue;
            }
            boolean repeat = out.stream().anyMatch(x -> x.phase().equals(o.phase())
                    && Math.abs(x.savingsUsd() - o.savingsUsd()) <= 0.005 && sameKind(x, o));
            if (!repeat) {
                out.add(o);
            }
        }
        return out;
    }

    private static boolean sameKind(Optimization a, Optimization b) {
        return a.lever().startsWith("quantization") == b.lever().startsWith("quantization");
    }

    /** A lever in words: "buy it from groq-llama-3.3-70b's API" rather than "hosted-api". */
    static String plain(Optimization o) {
        String to = o.change() == null || !o.change().contains("→") ? ""
                : o.change().substring(o.change().lastIndexOf('→') + 1).trim();
        return switch (o.lever()) {
            case "hosted-api" -> "buy it from an API (" + to + ")";
            case "batch-api" -> "send it to an API's batch tier: " + to;
            case "cheaper-accelerator" -> "serve on " + to;
            case "cheaper-provider" -> "rent from another provider: " + to;
            case "commitment" -> "commit to a term: " + to;
            case "spot-training" -> "train on spot capacity";
            case "training-provider" -> "train at another provider: " + to;
            case "tuned-stack" -> "train with a tuned framework (NeMo/Megatron, MaxText)";
            case "fp8-training" -> "train in fp8";
            case "mixed-precision" -> "train in mixed precision";
            case "hybrid-capacity" -> "commit a baseline, burst on demand: " + to;
            case "batching" -> "batch more requests per step: " + to;
            case "off-peak" -> "run the batch work off-peak on spot";
            case "response-caching" -> "cache repeated answers";
            case "routing" -> "send easy requests to a smaller model";
            case "autoscaling" -> "autoscale with the daily traffic";
            case "serverless" -> "run on serverless GPUs " + to.replaceFirst("^serverless \\(", "(");
            case "cpu-serving" -> "serve on CPUs: " + to;
            default -> o.lever().startsWith("quantization") ? "quantize the weights: " + to
                    : o.lever().replace('-', ' ') + (to.isEmpty() ? "" : ": " + to);
        };
    }
}
