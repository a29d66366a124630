package dev.aicost.chat;

import com.fasterxml.jackson.databind.JsonNode;
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
            String kind = t.path("kind").asText("pretraining");
            StringBuilder s = new StringBuilder(kind.equals("lora") ? "LoRA fine-tune" : kind.equals("full-finetune")
                    ? "full fine-tune" : "pretraining");
            s.append(" of ").append(compact(r.training().work().tokens())).append(" tokens")
                    .append(t.has("tokens") ? "" : " (default)");
            s.append(" on ").append(r.training().cluster().accelerators()).append(" × ")
                    .append(r.training().cluster().accelerator()).append(t.has("accelerator") ? "" : " (default)");
            s.append(", ").append(t.path("pricingMode").asText("on-demand"))
                    .append(t.has("pricingMode") ? "" : " (default)");
            if (t.has("deadlineDays")) {
                s.append(", within ").append(Money.figures(t.get("deadlineDays").asDouble(), 3)).append(" days");
            }
            parts.add(s.toString());
        }
        if (!i.isMissingNode() && r.inference() != null) {
            JsonNode rpd = i.get("requestsPerDay");
            parts.add(rpd.isObject() ? compact(rpd.get("low").asDouble()) + "–" + compact(rpd.get("high").asDouble())
                    + " requests/day" : compact(rpd.asDouble()) + " requests/day"
                            + (i.has("users") ? " (" + compact(i.get("users").asDouble()) + " users)" : ""));
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
        parts.add(r.lifecycle().horizonMonths() + " months" + (request.has("horizonMonths") ? "" : " (default)"));
        if (request.has("monthlyBudgetUsd")) {
            parts.add("budget $" + Money.usd(request.get("monthlyBudgetUsd").asDouble(), 3) + "/month");
        }
        String line = String.join(" · ", parts);
        line = line.replace("  ", " ");
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
