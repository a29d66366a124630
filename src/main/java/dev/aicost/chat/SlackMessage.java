package dev.aicost.chat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.report.ComparisonOption;
import dev.aicost.report.CostReport;
import dev.aicost.report.HostedApiReport;
import dev.aicost.report.InferenceReport;
import dev.aicost.report.Money;
import dev.aicost.report.Optimization;
import dev.aicost.report.RentalReport;
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

    /** The estimate, posted in the channel; with a "Full report" button when the report has a page. */
    public static ObjectNode of(CostReport r) {
        ObjectNode m = message(r);
        if (r.links() != null && m.path("blocks").isArray()) {
            ObjectNode button = ((ArrayNode) m.get("blocks")).addObject().put("type", "actions").putArray("elements")
                    .addObject().put("type", "button").put("action_id", "full-report").put("url", r.links().html());
            button.putObject("text").put("type", "plain_text").put("text", "Full report");
        }
        return m;
    }

    private static ObjectNode message(CostReport r) {
        if (r.rental() != null) {
            return rental(r);
        }
        if (r.hostedApi() != null) {
            return hosted(r);
        }
        ObjectNode m = F.objectNode();
        m.put("response_type", "in_channel");
        String headline = headline(r);
        m.put("text", headline);
        ArrayNode blocks = m.putArray("blocks");
        understood(blocks, r);
        blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text")
                .put("text", plain("AI cost estimate: " + r.model().name()));
        for (String w : Decisive.warnings(r)) {
            section(blocks, ":warning: " + escape(w));
        }
        if (r.comparison() != null) {
            StringBuilder c = new StringBuilder("*Compared*");
            for (ComparisonOption o : r.comparison()) {
                c.append("\n• ").append(escape(o.option())).append(": ")
                        .append(o.monthlyCostUsd() == null ? "" : "$" + Money.usd(o.monthlyCostUsd(), 3) + "/month, ")
                        .append("$" + Money.usd(o.lifetimeTotalUsd(), 3)).append(" over ").append(o.horizonMonths())
                        .append(" months").append(o.latencyTargetMet() ? "" : " (misses the latency target)")
                        .append(o.cheapest() ? " — *cheapest*" : "");
            }
            section(blocks, c.toString());
        }
        StringBuilder figures = new StringBuilder();
        TrainingReport t = r.training();
        if (t != null) {
            figures.append("*Training* ").append("$" + Money.usd(t.costUsd(), 3))
                    .append(t.ranges() == null ? "" : t.ranges().costUsd().likelyUsd()).append(" (")
                    .append(Money.count(t.duration().acceleratorHours())).append(" ").append(escape(t.cluster().accelerator()))
                    .append("-hours, ").append(Money.days(t.duration().wallClockDays())).append(")\n");
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
        for (Optimization o : Decisive.levers(r, TOP_LEVERS)) {
            levers.append("\n• ").append(escape(Decisive.plain(o))).append(": save $").append(Money.usd(o.savingsUsd(), 3))
                    .append(" over ").append(r.lifecycle().horizonMonths()).append(" months (")
                    .append(Math.round(o.savingsPercent())).append(" %)");
            shown++;
        }
        if (shown > 0) {
            section(blocks, levers.toString());
        }
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text", plural(r.assumptions().size(),
                "assumption") + " and " + plural(r.warnings().size(), "warning") + " in the full report · catalog of "
                + escape(r.catalog().asOf()));
        return m;
    }

    private static ObjectNode hosted(CostReport r) {
        HostedApiReport h = r.hostedApi();
        ObjectNode m = F.objectNode();
        m.put("response_type", "in_channel");
        m.put("text", escape(h.model()) + ": $" + Money.usd(h.monthlyCostUsd(), 3) + "/month");
        ArrayNode blocks = m.putArray("blocks");
        understood(blocks, r);
        blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text")
                .put("text", "AI cost estimate: " + escape(h.model()) + " (" + escape(h.provider()) + " API)");
        for (String w : r.warnings()) {
            section(blocks, ":warning: " + escape(w));
        }
        section(blocks, "*Serving* $" + Money.usd(h.monthlyCostUsd(), 3) + "/month, $"
                + Money.usd(h.costPerRequestUsd(), 3) + " per request (bought from " + escape(h.hostedApi()) + ")\n*"
                + h.horizonMonths() + " months* $" + Money.usd(h.totalUsd(), 3));
        blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", plural(r.assumptions().size(), "assumption") + " and " + plural(r.warnings().size(),
                        "warning") + " in the full report · catalog of " + escape(r.catalog().asOf()));
        return m;
    }

    /** The first block of every answer to a message: what it was read as, and what was skipped. */
    private static void understood(ArrayNode blocks, CostReport r) {
        if (r.understood() != null) {
            section(blocks, "*Understood:* " + escape(r.understood()) + (r.ignored() == null || r.ignored().isEmpty()
                    ? "" : "\n_Ignored:_ " + escape(String.join(", ", r.ignored()))));
        }
    }

    private static ObjectNode rental(CostReport r) {
        RentalReport q = r.rental();
        ObjectNode m = F.objectNode();
        m.put("response_type", "in_channel");
        m.put("text", "Rental: $" + Money.usd(q.costUsd(), 3) + " for " + q.accelerators() + " × " + escape(q.accelerator()));
        ArrayNode blocks = m.putArray("blocks");
        understood(blocks, r);
        blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text")
                .put("text", "GPU rental quote: " + escape(q.accelerator()));
        for (String w : r.warnings()) {
            section(blocks, ":warning: " + escape(w));
        }
        StringBuilder offers = new StringBuilder("*$" + Money.usd(q.costUsd(), 3) + "* at " + escape(q.offer())
                + " (" + q.instances() + " × " + escape(q.instance()) + ")");
        for (int k = 0; k < Math.min(3, q.offers().size()); k++) {
            RentalReport.RentalOffer o = q.offers().get(k);
            offers.append("\n• ").append(escape(o.offer())).append(": $").append(Money.usd(o.costUsd(), 3))
                    .append(" ($").append(Money.usd(o.pricePerAcceleratorHourUsd(), 3)).append("/accelerator-hour)");
        }
        section(blocks, offers.toString());
        blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", "catalog of " + escape(r.catalog().asOf()));
        return m;
    }

    /** A problem with the text, shown only to the person who typed it (not a failure Slack reports). */
    public static ObjectNode error(InvalidRequestException e) {
        String refused = e.understood() == null ? "I could not read that request" : "I could not estimate that";
        StringBuilder s = new StringBuilder(e.understood() == null ? "" : "*Understood:* " + escape(e.understood())
                + "\n").append(refused).append(e.problems().size() == 1 ? ":" : " (" + e.problems().size()
                        + " things to fix):");
        for (Problem p : e.problems()) {
            s.append("\n• ").append(escape(p.path().equals("text") ? p.problem() : p.path() + " " + p.problem()));
            if (p.allowed() != null) {
                s.append(p.allowed().startsWith("try:") ? " — " + escape(p.allowed())
                        : " (allowed: " + escape(p.allowed()) + ")");
            }
        }
        s.append("\nType `/aicost help` for examples of what I understand.");
        return ephemeral(s.toString());
    }

    /** The grammar in a few lines. */
    public static ObjectNode help() {
        return ephemeral(HELP);
    }

    /** What to type, by example (Slack mrkdwn; also the Markdown and JSON answer to "help"). */
    public static final String HELP = String.join("\n",
            "*Ask as you would ask a colleague*, e.g.:",
            "• `how much would llama 3 70b cost at 1.2M req/day on h100s?`",
            "• `fine tune llama 3 8b 100M tokens on 8xa100 spot`",
            "• `20k chats/day, ~1k tokens in and 400 out: llama 8b or gpt-4o-mini?`",
            "• `h100 vs a100 for llama 70b at 1m rpd, p95 < 1s`",
            "• `lora llama 70b 200M tokens on 8 h100 then serve 100k/day on h100 fp8 over 3 years`",
            "I understand models as people write them (`llama 3 70b`, `Llama-3.1-8B-Instruct`, `mixtral 8x7b`, "
                    + "`a 7B model`, `gpt-4o-mini`, `claude haiku`, `on groq`), traffic (`50k/day`, `1m rpd`, "
                    + "`10 rps`, `10k users each sending 20 messages a day`), lengths (`2k/500 tok`), latency "
                    + "(`ttft 500ms`, `p95 < 1s`), buying (`spot`, `on demand`, `1-year commit`, `on-prem`), "
                    + "`int4`, `budget $10k/mo`, `3 epochs`, `over 3 years`. Every answer starts with what I "
                    + "understood; I ask when a message could mean two things.");

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
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
