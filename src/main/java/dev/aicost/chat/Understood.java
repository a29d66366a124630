package dev.aicost.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.report.CostReport;
import dev.aicost.report.HostedApiReport;
import dev.aicost.report.Money;
import dev.aicost.report.RentalReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The one line every chat answer starts with: what the message was read as, from the request it became
 * and the report the engine made of it, with what the person did not say marked "(default)".
 * {@code Llama 3.3 70B · 1.2M requests/day · 500 in / 250 out (default) · h100-sxm · on-demand (default)}
 */
final class Understood {
    private Understood() {
    }

    static String line(CostReport r, JsonNode request, List<String> notes) {
        List<String> parts = new ArrayList<>();
        if (r.hostedApi() != null) {
            HostedApiReport h = r.hostedApi();
            JsonNode i = request.path("inference");
            parts.add(h.model() + " (" + h.provider() + " API)");
            parts.add(compact(h.requestsPerDay()) + " requests/day");
            parts.add(compact(h.inputTokens()) + " in / " + compact(h.outputTokens()) + " out"
                    + (i.has("inputTokens") && i.has("outputTokens") ? "" : " (default)"));
            parts.add(h.horizonMonths() + " months" + (request.has("horizonMonths") ? "" : " (default)"));
            String line = String.join(" · ", parts);
            return notes.isEmpty() ? line : line + " (" + String.join("; ", notes) + ")";
        }
        JsonNode i = request.path("inference");
        JsonNode t = request.path("training");
        String api = i.path("hostedApi").asText(null);
        String model = request.path("model").has("parameters")
                ? "custom " + compact(request.path("model").get("parameters").asDouble()) + " model" : r.model().name();
        parts.add(api == null ? model : api + " (hosted API" + (request.path("model").has("id") && !api.contains(
                request.path("model").get("id").asText()) ? ", priced on " + model + "'s requests)" : ")"));
        if (!t.isMissingNode()) {
            StringBuilder s = new StringBuilder(trainingKind(t));
            s.append(" of ").append(compact(r.training().work().tokens())).append(" tokens")
                    .append(t.has("tokens") ? "" : " (default)");
            s.append(" on ").append(r.training().cluster().accelerators()).append(" × ")
                    .append(r.training().cluster().accelerator()).append(t.has("accelerator") ? "" : " (default)");
            s.append(", ").append(t.path("pricingMode").asText("on-demand"))
                    .append(t.has("pricingMode") ? "" : " (default)");
            parts.add(s.append(deadline(t)).toString());
        }
        if (!i.isMissingNode() && r.inference() != null) {
            parts.add(traffic(i));
            if (r.model().kind().equals("llm")) {
                boolean given = i.has("inputTokens") && i.has("outputTokens");
                parts.add(compact(i.path("inputTokens").asInt(500)) + " in / " + compact(i.path("outputTokens").asInt(250))
                        + " out" + (given ? "" : " (default)"));
            }
            if (api == null) {
                parts.add(r.inference().accelerator() + (i.has("accelerator") ? "" : " (default)"));
                if (i.has("precision")) {
                    parts.add(i.get("precision").asText());
                }
                parts.add(i.path("pricingMode").asText("on-demand") + (i.has("pricingMode") ? "" : " (default)"));
            }
            targetsAndGrowth(i, parts);
        }
        parts.add(r.lifecycle().horizonMonths() + " months" + (request.has("horizonMonths") ? "" : " (default)"));
        return joined(parts, request, notes);
    }

    /**
     * What a message was read as when the estimate then refused it (hardware nobody rents, a model too large
     * for the accelerator named): only what was said, as {@link #line} gives it, with no default, since none
     * was applied. What reading it assumed is the caller's to add (once for all the options of a comparison).
     */
    static String asked(JsonNode request, Catalog catalog) {
        List<String> parts = new ArrayList<>();
        JsonNode rental = request.path("rental");
        if (!rental.isMissingNode()) { // "8 × h100-sxm · 168 hours · spot", as far as said
            parts.add((rental.has("accelerators") ? rental.get("accelerators").asInt() + " × " : "")
                    + accelerator(rental.path("accelerator")));
            if (rental.has("hours")) {
                parts.add(Money.figures(rental.get("hours").asDouble(), 4) + " hours");
            }
            if (rental.has("pricingMode")) {
                parts.add(rental.get("pricingMode").asText());
            }
            return joined(parts, request, List.of());
        }
        JsonNode m = request.path("model");
        JsonNode i = request.path("inference");
        JsonNode t = request.path("training");
        if (m.has("parameters")) {
            parts.add("custom " + compact(m.get("parameters").asDouble()) + " model");
        } else if (m.has("id")) {
            String id = m.get("id").asText();
            parts.add(catalog.model(id).map(ModelSpec::name).orElse(id));
        }
        if (i.has("hostedApi")) {
            parts.add(i.get("hostedApi").asText() + " (hosted API)");
        }
        if (!t.isMissingNode()) {
            StringBuilder s = new StringBuilder(trainingKind(t));
            if (t.has("tokens")) {
                s.append(" of ").append(compact(t.get("tokens").asDouble())).append(" tokens");
            }
            if (t.has("accelerator")) {
                s.append(" on ").append(t.has("accelerators") ? t.get("accelerators").asInt() + " × " : "")
                        .append(accelerator(t.get("accelerator")));
            }
            if (t.has("pricingMode")) {
                s.append(", ").append(t.get("pricingMode").asText());
            }
            parts.add(s.append(deadline(t)).toString());
        }
        if (!i.isMissingNode()) {
            if (i.has("requestsPerDay")) {
                parts.add(traffic(i));
            }
            if (i.has("inputTokens") && i.has("outputTokens")) {
                parts.add(compact(i.get("inputTokens").asInt()) + " in / " + compact(i.get("outputTokens").asInt())
                        + " out");
            }
            if (i.has("accelerator")) {
                parts.add(accelerator(i.get("accelerator")) + (i.has("tensorParallel") ? " (" + i.get("tensorParallel")
                        .asInt() + " per replica)" : ""));
            }
            for (String field : new String[] {"precision", "pricingMode"}) {
                if (i.has(field)) {
                    parts.add(i.get(field).asText());
                }
            }
            targetsAndGrowth(i, parts);
        }
        if (request.has("horizonMonths")) {
            parts.add(request.get("horizonMonths").asInt() + " months");
        }
        return joined(parts, request, List.of());
    }

    private static String trainingKind(JsonNode t) {
        String kind = t.path("kind").asText("pretraining");
        return kind.equals("lora") ? "LoRA fine-tune" : kind.equals("full-finetune") ? "full fine-tune" : "pretraining";
    }

    private static String deadline(JsonNode t) {
        return t.has("deadlineDays") ? ", within " + Money.figures(t.get("deadlineDays").asDouble(), 3) + " days" : "";
    }

    private static String traffic(JsonNode i) {
        JsonNode rpd = i.get("requestsPerDay");
        return rpd.isObject() ? compact(rpd.get("low").asDouble()) + "–" + compact(rpd.get("high").asDouble())
                + " requests/day" : compact(rpd.asDouble()) + " requests/day"
                        + (i.has("users") ? " (" + compact(i.get("users").asDouble()) + " users)" : "");
    }

    /** An accelerator as the request names it: a catalog id, or the id of specs given inline. */
    private static String accelerator(JsonNode a) {
        return a.isObject() ? a.path("id").asText("custom accelerator") : a.asText();
    }

    /** The latency targets, cache and growth a message gave. */
    private static void targetsAndGrowth(JsonNode i, List<String> parts) {
        JsonNode l = i.path("latencyTargetMs");
        if (l.has("ttftMs")) {
            parts.add("TTFT ≤ " + ms(l.get("ttftMs").asDouble()));
        }
        if (l.has("tpotMs")) {
            parts.add("TPOT ≤ " + ms(l.get("tpotMs").asDouble()));
        }
        if (l.has("e2eMs")) {
            parts.add("end-to-end ≤ " + ms(l.get("e2eMs").asDouble()));
        }
        if (i.has("cacheHitRate")) {
            parts.add(Money.pct(i.get("cacheHitRate").asDouble()) + " cache hits");
        }
        if (i.has("monthlyGrowth")) {
            parts.add("growing " + Money.pct(i.get("monthlyGrowth").asDouble()) + "/month");
        }
    }

    /** The parts joined, the budget last, then what reading the message assumed. */
    private static String joined(List<String> parts, JsonNode request, List<String> notes) {
        if (request.has("monthlyBudgetUsd")) {
            parts.add("budget $" + Money.usd(request.get("monthlyBudgetUsd").asDouble(), 3) + "/month");
        }
        String line = String.join(" · ", parts).replace("  ", " ");
        return notes.isEmpty() ? line : line + " (" + String.join("; ", notes) + ")";
    }

    /** 1200000 → "1.2M", 50000 → "50k", 730 → "730": counts as people write them. */
    static String compact(double v) {
        String[] suffix = {"", "k", "M", "B", "T"};
        int k = 0;
        while (Math.abs(v) >= 999.95 && k < suffix.length - 1) {
            v /= 1000;
            k++;
        }
        return Money.figures(v, 3) + suffix[k];
    }

    /** "8 × h100-sxm · 168 hours · spot · market-h100-sxm" */
    static String rental(RentalReport r) {
        return r.accelerators() + " × " + r.accelerator() + " · " + Money.figures(r.hours(), 4) + " hours · "
                + r.pricingMode() + " · " + r.offer() + " (" + r.provider() + " " + r.instance() + ")";
    }

    /** 500 → "500 ms", 1500 → "1.5 s". */
    static String ms(double v) {
        return v >= 1000 ? Money.figures(v / 1000, 3) + " s" : Money.figures(v, 3) + " ms";
    }
}
