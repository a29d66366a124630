package dev.aicost.report.page;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aicost.report.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A CostReport as one self-contained HTML page: its headline figures with their P10–P90 ranges, the
 * monthly spend with the break-even month, the lifetime split, the levers' savings and the best plan, the
 * fleet, tiers and versions, every warning and assumption. Drawn from the report's JSON (so every figure is
 * the report's own; each money cell carries it in {@code data-usd}), with inline SVG and one inline style
 * sheet: no script, no font, no request to anywhere ({@link #CSP}). Readable on a phone, printable.
 */
public final class HtmlPage {
    static final String CSS = ":root{color-scheme:light}body{font:16px/1.45 system-ui,sans-serif;margin:0 auto;"
            + "max-width:60rem;padding:1rem;color:#1a1a1a}h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;"
            + "border-bottom:1px solid #ccc}table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;"
            + "padding:.3rem .5rem;border-bottom:1px solid #e2e2e2;vertical-align:top}td.num{text-align:right;"
            + "font-variant-numeric:tabular-nums}.chart{width:100%;height:auto;display:block}.chart text{font-size:11px;"
            + "fill:#333}.grid{stroke:#ddd}.marker{stroke:#b00020;stroke-width:2;stroke-dasharray:4 3}.training{fill:#f2b25c}"
            + ".hatch{stroke:#8a5a00;stroke-width:2}.bar-training{fill:url(#hatch)}.bar-inference{fill:#2a6fb0}"
            + ".bar-peak{fill:#b00020}.bar-lever{fill:#2e8b57}.bar-lever-alt{fill:#1f6d44}.legend span{margin-right:1rem}"
            + ".swatch-training{border-bottom:4px dashed #8a5a00}.swatch-inference{border-bottom:4px solid #2a6fb0}"
            + ".defs{position:absolute}.warn{color:#8a1c00}.muted{color:#555}@media print{body{max-width:none}h2{break-after:avoid}"
            + "figure,table{break-inside:avoid}}@media (max-width:40rem){body{font-size:15px}th,td{padding:.2rem}}";
    /** The page's Content-Security-Policy: nothing loads, nothing runs; only its own style sheet applies. */
    public static final String CSP = "default-src 'none'; style-src '" + sha256(CSS) + "'; img-src 'none'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private HtmlPage() {
    }

    /** The page of a report (its JSON tree, as the function writes it). */
    public static String render(JsonNode r) {
        StringBuilder b = new StringBuilder(32_768);
        String name = r.at("/model/name").asText(r.has("rental") && !r.get("rental").isNull() ? "GPU rental"
                : r.at("/hostedApi/model").asText("Hosted API"));
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>AI cost estimate: ").append(Html.text(name)).append("</title><style>").append(CSS)
                .append("</style></head><body>").append(Charts.defs()).append("<header><h1>AI cost estimate: ").append(Html.text(name)).append("</h1>");
        if (r.path("understood").isTextual()) {
            b.append("<p id=\"understood\"><strong>Understood:</strong> ").append(Html.text(r.get("understood")
                    .asText())).append("</p>");
        }
        b.append("<p class=\"muted\">Prices as of the catalog of ").append(Html.text(r.at("/catalog/asOf").asText("?")))
                .append(". Every default the estimate assumed is listed below.</p></header><main>");
        headline(r, b);
        JsonNode life = r.path("lifecycle");
        if (life.isObject()) {
            monthly(life, b);
            split(life, b);
        }
        levers(r, b);
        fleet(r.path("inference"), r.path("request"), b);
        if (life.path("versions").isArray() && !life.path("versions").isEmpty()) {
            versions(life.get("versions"), b);
        }
        list("warnings", "Warnings", r.path("warnings"), b);
        assumptions(r.path("assumptions"), b);
        b.append("<section id=\"summary\"><h2>In words</h2>");
        for (String line : r.path("summary").asText("").split("\n")) {
            if (!line.isBlank()) {
                b.append("<p>").append(Html.text(line.replace("**", "").replaceFirst("^- ", ""))).append("</p>");
            }
        }
        return b.append("</section></main></body></html>").toString();
    }

    private static void headline(JsonNode r, StringBuilder b) {
        b.append("<section id=\"headline\"><h2>Headline</h2><table><thead><tr><th scope=\"col\">Figure</th>"
                + "<th scope=\"col\">Estimate</th><th scope=\"col\">Likely range (P10–P90)</th></tr></thead><tbody>");
        row(b, "Training, one run", r.at("/training/costUsd"), r.at("/training/ranges/costUsd"));
        row(b, "Serving, per month", r.at("/inference/monthlyCostUsd"), r.at("/inference/ranges/monthlyCostUsd"));
        row(b, "Serving, per request", r.at("/inference/costPerRequestUsd"), r.at("/inference/ranges/costPerRequestUsd"));
        JsonNode life = r.path("lifecycle");
        if (life.isObject()) {
            row(b, "Over " + life.path("horizonMonths").asInt() + " months", life.path("totalUsd"),
                    life.at("/ranges/totalUsd"));
            b.append("<tr><th scope=\"row\">Serving's share of the lifetime</th><td class=\"num\">")
                    .append(Money.pct(life.path("inferenceShare").asDouble())).append("</td><td></td></tr>");
            JsonNode be = life.path("breakEvenMonth");
            b.append("<tr><th scope=\"row\">Serving overtakes training</th><td class=\"num\">")
                    .append(be.isNumber() ? "month " + be.asInt() : "not within the horizon").append("</td><td></td></tr>");
        }
        row(b, "Rental, the cheapest offer's bill", r.at("/rental/cheapestUsd"), null);
        row(b, "Hosted API, per month", r.at("/hostedApi/monthlyCostUsd"), null);
        b.append("</tbody></table></section>");
    }

    private static void row(StringBuilder b, String label, JsonNode usd, JsonNode range) {
        if (usd == null || !usd.isNumber()) {
            return;
        }
        b.append("<tr><th scope=\"row\">").append(Html.text(label)).append("</th>");
        money(b, usd.asDouble());
        if (range != null && range.path("p10").isNumber()) {
            b.append("<td class=\"num\" data-p10=\"").append(range.get("p10").asDouble()).append("\" data-p90=\"")
                    .append(range.get("p90").asDouble()).append("\">$").append(Money.usd(range.get("p10").asDouble()))
                    .append(" – $").append(Money.usd(range.get("p90").asDouble())).append("</td>");
        } else {
            b.append("<td></td>");
        }
        b.append("</tr>");
    }

    private static void money(StringBuilder b, double usd) {
        b.append("<td class=\"num\" data-usd=\"").append(usd).append("\">$").append(Money.usd(usd, 3)).append("</td>");
    }

    private static void monthly(JsonNode life, StringBuilder b) {
        List<Charts.MonthSpend> months = new ArrayList<>();
        for (JsonNode m : life.path("months")) {
            months.add(new Charts.MonthSpend(m.path("month").asInt(), m.path("trainingUsd").asDouble(),
                    m.path("inferenceUsd").asDouble()));
        }
        JsonNode be = life.path("breakEvenMonth");
        b.append("<section id=\"monthly\"><h2>Spend by month</h2><figure>")
                .append(Charts.monthly(months, be.isNumber() ? be.asInt() : null))
                .append("<figcaption class=\"legend\"><span class=\"swatch-training\">Training (hatched)</span>"
                        + "<span class=\"swatch-inference\">Serving (solid)</span></figcaption></figure>")
                .append("<details><summary>The months as a table</summary><table><thead><tr><th scope=\"col\">Month"
                        + "</th><th scope=\"col\">Training</th><th scope=\"col\">Serving</th><th scope=\"col\">Total</th>"
                        + "</tr></thead><tbody>");
        for (JsonNode m : life.path("months")) {
            b.append("<tr><th scope=\"row\">").append(m.path("month").asInt()).append("</th>");
            money(b, m.path("trainingUsd").asDouble());
            money(b, m.path("inferenceUsd").asDouble());
            money(b, m.path("totalUsd").asDouble());
            b.append("</tr>");
        }
        b.append("</tbody></table></details></section>");
    }

    private static void split(JsonNode life, StringBuilder b) {
        double training = life.path("trainingUsd").asDouble();
        double inference = life.path("inferenceUsd").asDouble();
        b.append("<section id=\"split\"><h2>Where the lifetime spend goes</h2><figure>")
                .append(Charts.bars("chart-split", "Lifetime spend, training and serving", "Training $"
                        + Money.usd(training) + ", serving $" + Money.usd(inference) + " over "
                        + life.path("horizonMonths").asInt() + " months.", List.of(new Charts.Bar("Training (hatched)", training,
                                "bar-training"), new Charts.Bar("Serving (solid)", inference, "bar-inference"))))
                .append("</figure><table><tbody><tr><th scope=\"row\">Training</th>");
        money(b, training);
        b.append("</tr><tr><th scope=\"row\">Serving</th>");
        money(b, inference);
        b.append("</tr></tbody></table></section>");
    }

    private static void levers(JsonNode r, StringBuilder b) {
        List<Charts.Bar> bars = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (JsonNode o : r.path("optimizations")) {
            boolean applicable = o.path("applicable").asBoolean(true);
            double savings = o.path("savingsUsd").asDouble();
            if (applicable && savings > 0) {
                bars.add(new Charts.Bar(o.path("lever").asText(), savings));
            }
            rows.append("<tr><th scope=\"row\">").append(Html.text(o.path("lever").asText())).append("</th><td>")
                    .append(Html.text(o.path("change").asText(""))).append("</td>");
            money(rows, savings);
            rows.append("<td>").append(applicable ? "yes" : "no: " + Html.text(o.path("notApplicableReason").asText(""))
                    ).append("</td></tr>");
        }
        if (rows.isEmpty()) {
            return;
        }
        b.append("<section id=\"levers\"><h2>What each lever saves</h2>");
        if (!bars.isEmpty()) {
            b.append("<figure>").append(Charts.bars("chart-levers", "Savings by lever", "Each applicable lever's "
                    + "saving over the horizon, largest first as listed in the table.", bars)).append("</figure>");
        }
        JsonNode plan = r.path("bestPlan");
        if (plan.isObject()) {
            b.append("<p id=\"best-plan\"><strong>Best plan:</strong> ");
            List<String> levers = new ArrayList<>();
            plan.path("levers").forEach(l -> levers.add(l.asText()));
            b.append(Html.text(String.join(" + ", levers))).append(": $<span data-usd=\"")
                    .append(plan.path("totalUsd").asDouble()).append("\">").append(Money.usd(plan.path("totalUsd")
                            .asDouble())).append("</span> in all, saving $").append(Money.usd(plan.path("savingsUsd")
                            .asDouble())).append(" (").append(Money.figures(plan.path("savingsPercent").asDouble(), 3))
                    .append(" %).</p>");
        }
        b.append("<table><thead><tr><th scope=\"col\">Lever</th><th scope=\"col\">Change</th><th scope=\"col\">Saves"
                + "</th><th scope=\"col\">Applicable</th></tr></thead><tbody>").append(rows)
                .append("</tbody></table></section>");
    }

    private static void fleet(JsonNode i, JsonNode request, StringBuilder b) {
        if (!i.isObject()) {
            return;
        }
        b.append("<section id=\"fleet\"><h2>The fleet</h2><table><tbody>");
        fact(b, "Accelerator", i.path("accelerator").asText("") + " (" + i.path("precision").asText("") + ")");
        fact(b, "Replicas × tensor-parallel degree", i.path("replicas").asInt() + " × " + i.path("tensorParallel").asInt());
        if (i.path("instances").isNumber()) {
            fact(b, "Instances", i.get("instances").asInt() + " × " + i.path("instanceType").asText("") + " ("
                    + i.path("billedAccelerators").asInt() + " accelerators billed, " + i.path("idleAccelerators").asInt()
                    + " idle at the peak)");
        }
        fact(b, "Scaling", i.path("scaling").asText(""));
        fact(b, "Utilisation", Money.pct(i.path("utilization").asDouble()) + (i.path("targetUtilization").isNumber()
                ? " (at most " + Money.pct(i.get("targetUtilization").asDouble()) + " at the peak)" : ""));
        if (i.path("headroomMonthlyUsd").isNumber()) {
            fact(b, "Headroom and second copy", "$" + Money.usd(i.get("headroomMonthlyUsd").asDouble(), 3)
                    + " a month (the bill less the same fleet run full on one replica)");
        }
        fact(b, "Latency", "first token " + Money.figures(i.path("ttftMs").asDouble(), 3) + " ms, then "
                + Money.figures(i.path("tpotMs").asDouble(), 3) + " ms a token; target "
                + (i.path("latencyTargetMet").asBoolean() ? "met" : "missed"));
        fact(b, "Pricing", i.path("pricingMode").asText("") + (i.path("offer").isTextual() ? ", offer "
                + i.get("offer").asText() : ""));
        b.append("</tbody></table>");
        JsonNode shape = request.path("inference").path("hourlyShape");
        if (shape.isArray() && shape.size() == 24) {
            double[] w = new double[24];
            for (int h = 0; h < 24; h++) {
                w[h] = shape.get(h).asDouble();
            }
            b.append("<figure>").append(Charts.hours(w)).append("</figure>");
        }
        if (i.path("tiers").isArray() && !i.get("tiers").isEmpty()) {
            b.append("<h3>Service tiers</h3><table><thead><tr><th scope=\"col\">Tier</th><th scope=\"col\">Share</th>"
                    + "<th scope=\"col\">Per month</th></tr></thead><tbody>");
            for (JsonNode t : i.get("tiers")) {
                b.append("<tr><th scope=\"row\">").append(Html.text(t.path("name").asText())).append("</th><td>")
                        .append(Money.pct(t.path("share").asDouble())).append("</td>");
                money(b, t.path("monthlyCostUsd").asDouble());
                b.append("</tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("</section>");
    }

    private static void fact(StringBuilder b, String label, String value) {
        b.append("<tr><th scope=\"row\">").append(Html.text(label)).append("</th><td>").append(Html.text(value))
                .append("</td></tr>");
    }

    private static void versions(JsonNode versions, StringBuilder b) {
        b.append("<section id=\"versions\"><h2>Model versions</h2><table><thead><tr><th scope=\"col\">Version</th>"
                + "<th scope=\"col\">Months</th><th scope=\"col\">Training</th><th scope=\"col\">Serving</th></tr>"
                + "</thead><tbody>");
        for (JsonNode v : versions) {
            b.append("<tr><th scope=\"row\">").append(v.path("version").asInt()).append("</th><td>")
                    .append(v.path("fromMonth").asInt()).append("–").append(v.path("toMonth").asInt()).append("</td>");
            money(b, v.path("trainingUsd").asDouble());
            money(b, v.path("inferenceUsd").asDouble());
            b.append("</tr>");
        }
        b.append("</tbody></table></section>");
    }

    private static void list(String id, String title, JsonNode items, StringBuilder b) {
        b.append("<section id=\"").append(id).append("\"><h2>").append(title).append("</h2>");
        if (!items.isArray() || items.isEmpty()) {
            b.append("<p>None.</p></section>");
            return;
        }
        b.append("<ul class=\"warn\">");
        items.forEach(w -> b.append("<li>").append(Html.text(w.asText())).append("</li>"));
        b.append("</ul></section>");
    }

    private static void assumptions(JsonNode items, StringBuilder b) {
        b.append("<section id=\"assumptions\"><h2>Assumptions</h2><table><thead><tr><th scope=\"col\">What</th>"
                + "<th scope=\"col\">Value</th><th scope=\"col\">Why</th></tr></thead><tbody>");
        for (JsonNode a : items) {
            b.append("<tr><th scope=\"row\">").append(Html.text(a.path("name").asText())).append("</th><td>")
                    .append(Html.text(a.path("value").asText())).append("</td><td>")
                    .append(Html.text(a.path("reason").asText())).append("</td></tr>");
        }
        b.append("</tbody></table></section>");
    }

    static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
