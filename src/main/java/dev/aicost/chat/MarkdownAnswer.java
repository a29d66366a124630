package dev.aicost.chat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.report.ComparisonOption;
import dev.aicost.report.CostReport;
import dev.aicost.report.HostedApiReport;
import dev.aicost.report.Money;
import dev.aicost.report.Optimization;
import dev.aicost.report.RentalReport;
import dev.aicost.request.InvalidRequestException;
import dev.aicost.request.Problem;

/** A report as Markdown: the summary, then a compact table of the headline figures and levers. */
public final class MarkdownAnswer {
    private MarkdownAnswer() {
    }

    /** {@code {"format": "markdown", "markdown": "..."}}: a JSON answer carrying the Markdown text. */
    public static ObjectNode of(CostReport r) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("format", "markdown");
        m.put("markdown", text(r) + (r.links() == null ? "" : "\n[Full report](" + r.links().html() + ")\n"));
        return m;
    }

    /** Any Markdown text as the JSON answer carrying it. */
    public static ObjectNode markdown(String text) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("format", "markdown");
        m.put("markdown", text);
        return m;
    }

    /** A request that could not be read, with every problem and a rewrite that works. */
    public static ObjectNode error(InvalidRequestException e) {
        StringBuilder s = new StringBuilder(e.understood() == null ? "**I could not read that request:**\n"
                : "**Understood:** " + e.understood() + "\n\n**I could not estimate that:**\n");
        for (Problem p : e.problems()) {
            s.append("- ").append(p.path().equals("text") ? "" : "`" + p.path() + "` ").append(p.problem());
            if (p.allowed() != null) {
                s.append(" — ").append(p.allowed());
            }
            s.append("\n");
        }
        return markdown(s.append("\nSend `help` for examples of what I understand.\n").toString());
    }

    static String text(CostReport r) {
        StringBuilder s = new StringBuilder();
        if (r.understood() != null) {
            s.append("**Understood:** ").append(r.understood()).append("\n");
            if (r.ignored() != null && !r.ignored().isEmpty()) {
                s.append("Ignored: ").append(String.join(", ", r.ignored())).append("\n");
            }
            s.append("\n");
        }
        for (String w : Decisive.warnings(r)) {
            s.append("> ⚠ ").append(w).append("\n");
        }
        if (!Decisive.warnings(r).isEmpty()) {
            s.append("\n");
        }
        if (r.comparison() != null) {
            s.append("| Option | Per month | Per request | TTFT | ").append(r.lifecycle().horizonMonths())
                    .append(" months |\n|---|---|---|---|---|\n");
            for (ComparisonOption o : r.comparison()) {
                s.append("| ").append(o.option().replace("|", "\\|")).append(o.cheapest() ? " **(cheapest)**" : "")
                        .append(" | ").append(o.monthlyCostUsd() == null ? "—" : "$" + Money.usd(o.monthlyCostUsd(), 3))
                        .append(" | ").append(o.costPerRequestUsd() == null ? "—" : "$" + Money.usd(o.costPerRequestUsd(), 3))
                        .append(" | ").append(o.ttftMs() == null ? "—" : Money.figures(o.ttftMs(), 3) + " ms")
                        .append(o.latencyTargetMet() ? "" : " (misses the target)")
                        .append(" | $").append(Money.usd(o.lifetimeTotalUsd(), 3)).append(" |\n");
            }
            s.append("\nThe rest is the cheapest option's report.\n\n");
        }
        if (r.rental() != null) {
            return rental(s, r);
        }
        if (r.hostedApi() != null) {
            for (String w : r.warnings()) {
                s.append("> ⚠ ").append(w).append("\n");
            }
            HostedApiReport h = r.hostedApi();
            s.append(r.summary()).append("\n\n| Figure | Value |\n|---|---|\n");
            row(s, "Per month", "$" + Money.usd(h.monthlyCostUsd(), 3));
            row(s, "Per request", "$" + Money.usd(h.costPerRequestUsd(), 3));
            row(s, h.horizonMonths() + " months", "$" + Money.usd(h.totalUsd(), 3));
            return s.append("\nCatalog of ").append(r.catalog().asOf()).append(".\n").toString();
        }
        s.append(r.summary()).append("\n\n| Figure | Value |\n|---|---|\n");
        if (r.training() != null) {
            row(s, "Training", "$" + Money.usd(r.training().costUsd(), 3)
                    + (r.training().ranges() == null ? "" : r.training().ranges().costUsd().likelyUsd()));
            row(s, "Training accelerator-hours", Money.count(r.training().duration().acceleratorHours()));
        }
        if (r.inference() != null) {
            row(s, "Serving per month", "$" + Money.usd(r.inference().cost().monthlyCostUsd(), 3)
                    + (r.inference().ranges() == null ? "" : r.inference().ranges().monthlyCostUsd().likelyUsd()));
            row(s, "Per request", "$" + Money.usd(r.inference().cost().costPerRequestUsd(), 3));
            row(s, "TTFT / TPOT", Money.figures(r.inference().point().ttftMs(), 3) + " ms / "
                    + Money.figures(r.inference().point().tpotMs(), 3) + " ms");
        }
        row(s, r.lifecycle().horizonMonths() + " months", "$" + Money.usd(r.lifecycle().totalUsd(), 3)
                + (r.lifecycle().ranges() == null ? "" : r.lifecycle().ranges().totalUsd().likelyUsd()));
        for (Optimization o : Decisive.levers(r, Integer.MAX_VALUE)) {
            row(s, "Lever: " + Decisive.plain(o), "save $" + Money.usd(o.savingsUsd(), 3) + " over "
                    + r.lifecycle().horizonMonths() + " months (" + Math.round(o.savingsPercent()) + " %)");
        }
        return s.append("\nCatalog of ").append(r.catalog().asOf()).append(".\n").toString();
    }

    private static String rental(StringBuilder s, CostReport r) {
        RentalReport q = r.rental();
        for (String w : r.warnings()) {
            s.append("> ⚠ ").append(w).append("\n");
        }
        s.append(r.summary()).append("\n\n| Offer | Instances | Per accelerator-hour | Total |\n|---|---|---|---|\n");
        for (RentalReport.RentalOffer o : q.offers()) {
            s.append("| ").append(o.offer()).append(o.offer().equals(q.offer()) ? " **(quoted)**" : "").append(" (")
                    .append(o.provider()).append(" ").append(o.instance().replace("|", "\\|")).append(") | ")
                    .append(o.instances()).append(" | $").append(Money.usd(o.pricePerAcceleratorHourUsd(), 3))
                    .append(" | $").append(Money.usd(o.costUsd(), 3)).append(" |\n");
        }
        return s.append("\nCatalog of ").append(r.catalog().asOf()).append(".\n").toString();
    }

    private static void row(StringBuilder s, String name, String value) {
        s.append("| ").append(name.replace("|", "\\|")).append(" | ").append(value).append(" |\n");
    }
}
