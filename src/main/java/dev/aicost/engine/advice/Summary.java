package dev.aicost.engine.advice;

import dev.aicost.engine.core.Num;
import dev.aicost.engine.inference.Tiers;
import dev.aicost.report.BestPlan;
import dev.aicost.report.CostReport;
import dev.aicost.report.InferenceReport;
import dev.aicost.report.LifecycleReport;
import dev.aicost.report.Money;
import dev.aicost.report.Optimization;
import dev.aicost.report.Recommendation;
import dev.aicost.report.TrainingReport;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The Markdown a chat bot posts as it is: headline costs, split, break-even, focus, top levers. */
public final class Summary {
    static final int MAX_LENGTH = 1500;

    private Summary() {
    }

    public static String markdown(CostReport r, List<Levers.Priced> levers, BestPlan best) {
        TrainingReport t = r.training();
        InferenceReport i = r.inference();
        LifecycleReport life = r.lifecycle();
        Recommendation rec = r.recommendation();
        StringBuilder s = new StringBuilder();
        s.append("**AI cost estimate: ").append(r.model().name()).append("**\n");
        if (t != null) {
            s.append("- Training: **$").append(Money.usd(t.costUsd())).append("**")
                    .append(t.ranges() == null ? "" : t.ranges().costUsd().likelyUsd()).append(" (")
                    .append(Money.count(t.duration().acceleratorHours())).append(" ").append(t.cluster().accelerator())
                    .append(" hours, ").append(Money.days(t.duration().wallClockDays())).append(" on ")
                    .append(t.cluster().accelerators()).append(")\n");
        }
        if (i != null) {
            s.append("- Serving: **$").append(Money.usd(i.cost().monthlyCostUsd())).append("/month**")
                    .append(i.ranges() == null ? "" : i.ranges().monthlyCostUsd().likelyUsd()).append(", $")
                    .append(Money.usd(i.cost().costPerRequestUsd())).append(" per request (");
            if (i.economics().hostedApi() != null) {
                s.append("bought from ").append(i.economics().hostedApi()).append(")\n");
            } else {
                s.append(i.fleet().accelerators()).append(" × ").append(i.accelerator()).append(", TTFT ")
                        .append(Num.show(Num.sig(i.point().ttftMs(), 3))).append(" ms");
                if (i.economics().coldStartShare() != null) {
                    s.append(", serverless: ").append(Money.pct(i.economics().coldStartShare()))
                            .append(" of requests wait a ").append(Num.show(Num.sig(i.economics().coldStartMs() / 1000, 2)))
                            .append(" s cold start");
                }
                if (i.economics().operationsMonthlyCostUsd() > 0) {
                    s.append(", $").append(Money.usd(i.economics().operationsMonthlyCostUsd()))
                            .append("/month of it operations");
                }
                s.append(")\n");
            }
        }
        if (i != null && i.tiers() != null) {
            s.append("- Tiers (").append(i.tierFleet()).append(" fleet):");
            for (var tier : i.tiers()) {
                s.append(" ").append(clip(tier.name(), 24)).append(" $").append(Money.usd(tier.costPerRequestUsd()))
                        .append("/request").append(tier.premiumPercent() > 0 ? " (+" + Math.round(tier.premiumPercent())
                                + " %)" : "").append(";");
            }
            s.setLength(s.length() - 1);
            s.append("\n");
        }
        s.append("- ").append(life.horizonMonths()).append(" months: **$").append(Money.usd(life.totalUsd()))
                .append("**").append(life.ranges() == null ? "" : life.ranges().totalUsd().likelyUsd())
                .append(", inference ").append(Money.pct(life.inferenceShare()));
        if (t != null && i != null) {
            s.append(", break-even ").append(life.breakEvenMonth() == null ? "not within the horizon"
                    : "in month " + life.breakEvenMonth() + months(life.breakEvenMonthRange(), life.breakEvenMonth()));
        }
        if (life.marginUsd() != null) {
            s.append("\n- Margin: $").append(life.marginUsd() < 0 ? "−" : "").append(Money.usd(Math.abs(life.marginUsd())))
                    .append(" on $").append(Money.usd(life.revenueUsd())).append(" of revenue, ")
                    .append(life.paybackMonth() == null ? "no payback within the horizon"
                            : "paid back in month " + life.paybackMonth());
        }
        if (r.actuals() != null) {
            var a = r.actuals();
            s.append("\n- Billed: $").append(Money.usd(a.totalUsd())).append(" over ").append(a.months())
                    .append(a.months() == 1 ? " month" : " months").append("; horizon projected from the bill: $")
                    .append(Money.usd(a.projectedTotalUsd())).append(" (×").append(Num.show(Num.sig(a.projectionFactor(), 3)))
                    .append(" the estimate's trend)");
        }
        s.append("\n- Focus: **").append(rec.focus()).append("**");
        if (!rec.reasons().isEmpty()) {
            s.append(": ").append(clip(rec.reasons().get(0), 180));
        }
        s.append("\n");
        List<Levers.Priced> top = levers.stream().filter(Levers.Priced::saves)
                .sorted(Comparator.comparingDouble((Levers.Priced p) -> p.optimization().savingsUsd()).reversed()
                        .thenComparing(p -> p.optimization().lever())).limit(3).toList();
        if (!top.isEmpty()) {
            s.append("Top levers:\n");
            for (Levers.Priced p : top) {
                Optimization o = p.optimization();
                s.append("- ").append(o.lever()).append(" (").append(clip(p.whatIf().detail(), 80)).append("): save $")
                        .append(Money.usd(o.savingsUsd())).append(" (").append(Math.round(o.savingsPercent()))
                        .append(" % of ").append(p.whatIf().lever().phase().name().toLowerCase(Locale.ROOT))
                        .append(")\n");
            }
            if (best != null && best.savingsUsd() > 0) {
                s.append("All together: $").append(Money.usd(best.totalUsd())).append(" (−")
                        .append(Math.round(best.savingsPercent())).append(" %)\n");
            }
        }
        String out = s.toString();
        return out.length() <= MAX_LENGTH ? out : out.substring(0, MAX_LENGTH - 1) + "…";
    }

    /** " (likely months 5–8)", " (likely month 5 or later)", or "" when the range is the month itself. */
    private static String months(LifecycleReport.MonthRange r, int month) {
        if (r == null || (r.latest() != null && r.earliest() == r.latest())) {
            return "";
        }
        return r.latest() == null ? " (likely month " + r.earliest() + " or later)"
                : " (likely months " + r.earliest() + "–" + r.latest() + ")";
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
