package dev.aicost.chat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.engine.advice.Lever;
import dev.aicost.report.CostReport;
import dev.aicost.report.Money;
import dev.aicost.report.Optimization;

/** A report as Markdown: the summary, then a compact table of the headline figures and levers. */
public final class MarkdownAnswer {
    private MarkdownAnswer() {
    }

    /** {@code {"format": "markdown", "markdown": "..."}}: a JSON answer carrying the Markdown text. */
    public static ObjectNode of(CostReport r) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("format", "markdown");
        m.put("markdown", text(r));
        return m;
    }

    static String text(CostReport r) {
        StringBuilder s = new StringBuilder(r.summary()).append("\n\n| Figure | Value |\n|---|---|\n");
        if (r.training() != null) {
            row(s, "Training", "$" + Money.usd(r.training().costUsd(), 3)
                    + (r.training().ranges() == null ? "" : r.training().ranges().costUsd().likelyUsd()));
            row(s, "Training accelerator-hours", Money.figures(r.training().duration().acceleratorHours(), 3));
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
        for (Optimization o : r.optimizations()) {
            if (o.applicable()) {
                row(s, "Lever: " + o.lever(), "−" + "$" + Money.usd(o.savingsUsd(), 3) + " (" + Math.round(o.savingsPercent()) + " %)");
            }
        }
        return s.append("\nCatalog of ").append(r.catalog().asOf()).append(".\n").toString();
    }

    private static void row(StringBuilder s, String name, String value) {
        s.append("| ").append(name.replace("|", "\\|")).append(" | ").append(value).append(" |\n");
    }
}
