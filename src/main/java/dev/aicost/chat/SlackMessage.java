package dev.aicost.chat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.report.CostReport;
import dev.aicost.report.InferenceReport;
import dev.aicost.report.Money;
import dev.aicost.report.Optimization;
import dev.aicost.report.TrainingReport;
import dev.aicost.request.InvalidRequestException;
import dev.aicost.request.Problem;

/**
 * A report as a Slack message (Block Kit): headline figures, the top levers, how many assumptions
 * were made and the catalog date, with {@code text} as the notification fallback. Everything that
 * came from the request or the catalog is escaped, so a request cannot ping {@code <!channel>} or
 * disguise a link.
 */
public final class SlackMessage {
    static final int TOP_LEVERS = 3;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SlackMessage() {
    }

    /** The estimate, posted in the channel. */
    public static ObjectNode of(CostReport r) {
        ObjectNode m = F.objectNode();
        m.put("response_type", "in_channel");
        String headline = headline(r);
        m.put("text", headline);
        ArrayNode blocks = m.putArray("blocks");
        blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text")
                .put("text", plain("AI cost estimate: " + r.model().name()));
        StringBuilder figures = new StringBuilder();
        TrainingReport t = r.training();
        if (t != null) {
            figures.append("*Training* ").append("$" + Money.usd(t.costUsd(), 3))
                    .append(t.ranges() == null ? "" : t.ranges().costUsd().likelyUsd()).append(" (")
                    .append(Money.figures(t.duration().acceleratorHours(), 3)).append(" ").append(escape(t.cluster().accelerator()))
                    .append("-hours, ").append(Money.figures(t.duration().wallClockDays(), 3)).append(" days)\n");
        }
        InferenceReport i = r.inference();
        if (i != null) {
            figures.append("*Serving* ").append("$" + Money.usd(i.cost().monthlyCostUsd(), 3)).append("/month")
                    .append(i.ranges() == null ? "" : i.ranges().monthlyCostUsd().likelyUsd()).append(", ")
                    .append("$" + Money.usd(i.cost().costPerRequestUsd(), 3)).append(" per request");
            if (i.economics().hostedApi() != null) {
                figures.append(" (bought from ").append(escape(i.economics().hostedApi())).append(")");
            } else {
                figures.append(" (").append(i.fleet().accelerators()).append(" × ").append(escape(i.accelerator()))
                        .append(", TTFT ").append(Money.figures(i.point().ttftMs(), 3)).append(" ms)");
            }
            figures.append("\n");
        }
        figures.append("*").append(r.lifecycle().horizonMonths()).append(" months* ")
                .append("$" + Money.usd(r.lifecycle().totalUsd(), 3))
                .append(r.lifecycle().ranges() == null ? "" : r.lifecycle().ranges().totalUsd().likelyUsd())
                .append(", inference ")
                .append(Money.pct(r.lifecycle().inferenceShare()));
        if (r.recommendation() != null) {
            figures.append(" · focus *").append(escape(r.recommendation().focus())).append("*");
        }
        section(blocks, figures.toString());
        StringBuilder levers = new StringBuilder("*Top levers*");
        int shown = 0;
        for (Optimization o : r.optimizations()) {
            if (!o.applicable() || shown == TOP_LEVERS) {
                continue;
            }
            levers.append("\n• ").append(escape(o.lever())).append(": save ").append("$" + Money.usd(o.savingsUsd(), 3))
                    .append(" (").append(Math.round(o.savingsPercent())).append(" %) — ").append(escape(o.change()));
            shown++;
        }
        if (shown > 0) {
            section(blocks, levers.toString());
        }
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text", r.assumptions().size()
                + " assumptions and " + r.warnings().size() + " warnings in the full report · catalog of "
                + escape(r.catalog().asOf()));
        return m;
    }

    /** A problem with the text, shown only to the person who typed it (not a failure Slack reports). */
    public static ObjectNode error(InvalidRequestException e) {
        StringBuilder s = new StringBuilder("I could not read that request:");
        for (Problem p : e.problems()) {
            s.append("\n• ").append(escape(p.path().equals("text") ? p.problem() : p.path() + " " + p.problem()));
            if (p.allowed() != null) {
                s.append(" (allowed: ").append(escape(p.allowed())).append(")");
            }
        }
        s.append("\nType `/aicost help` for the words I know.");
        return ephemeral(s.toString());
    }

    /** The grammar in a few lines. */
    public static ObjectNode help() {
        return ephemeral("""
                *How to ask* (any order; units as shown):
                • a model id: `llama-3.3-70b`, `mixtral-8x7b`, `deepseek-v3`…
                • serving: `50k requests/day`, `2M req/month`, `100 requests per second`, \
                `20k-80k requests/day` (a range), `500 in / 200 out`, \
                `ttft 1s`, `tpot 50ms`, `30% cache hits`, `growth 5%/month`
                • training: `train|fine-tune|lora 15T tokens on 1024 h100`, then `then serve …`
                • hardware and buying: `h100 a100 h200 b200 l4 mi300x`, `fp8 int4 fp4`, \
                `spot on-demand commit-1y commit-3y owned`
                • horizon and budget: `36 months`, `3 years`, `budget $20k/month`
                Example: `/aicost llama-3.3-70b 50k requests/day 1200 in / 300 out on h100 fp8 ttft 1s`""");
    }

    static ObjectNode ephemeral(String text) {
        ObjectNode m = F.objectNode();
        m.put("response_type", "ephemeral");
        m.put("text", text);
        return m;
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
    }

    private static String headline(CostReport r) {
        StringBuilder s = new StringBuilder(plain(r.model().name())).append(": ");
        if (r.training() != null) {
            s.append("training ").append("$" + Money.usd(r.training().costUsd(), 3)).append("; ");
        }
        if (r.inference() != null) {
            s.append("serving ").append("$" + Money.usd(r.inference().cost().monthlyCostUsd(), 3)).append("/month; ");
        }
        return s.append(r.lifecycle().horizonMonths()).append(" months ").append("$" + Money.usd(r.lifecycle().totalUsd(), 3))
                .toString();
    }

    /**
     * Slack's three control characters: with them escaped, text from a request cannot form a mention
     * ({@code <!channel>}, {@code <@U123>}) or a link ({@code <https://…|label>}).
     */
    public static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Plain-text blocks render no markup, but the fallback text is mrkdwn: escape there too. */
    private static String plain(String s) {
        return escape(s);
    }
}
