package dev.aicost.engine;

import dev.aicost.report.BestPlan;
import dev.aicost.report.InferenceReport;
import dev.aicost.report.LifecycleReport;
import dev.aicost.report.ModelSummary;
import dev.aicost.report.Optimization;
import dev.aicost.report.Recommendation;
import dev.aicost.report.TrainingReport;
import java.util.Comparator;
import java.util.List;

/** The Markdown a chat bot posts as it is: headline costs, split, break-even, focus, top levers. */
final class Summary {
    static final int MAX_LENGTH = 1500;

    static String markdown(ModelSummary model, TrainingReport t, InferenceReport i, LifecycleReport life,
            Recommendation rec, List<Optimization> levers, BestPlan best) {
        StringBuilder s = new StringBuilder();
        s.append("**AI cost estimate: ").append(model.name()).append("**\n");
        if (t != null) {
            s.append("- Training: **$").append(Advisor.usd(t.costUsd())).append("** (")
                    .append(Num.show(Num.sig(t.acceleratorHours(), 3))).append(" ").append(t.accelerator())
                    .append(" hours, ").append(Num.show(Num.sig(t.wallClockDays(), 3))).append(" days on ")
                    .append(t.accelerators()).append(")\n");
        }
        if (i != null) {
            s.append("- Serving: **$").append(Advisor.usd(i.monthlyCostUsd())).append("/month**, $")
                    .append(Advisor.usd(i.costPerRequestUsd())).append(" per request (")
                    .append(i.accelerators()).append(" × ").append(i.accelerator()).append(", TTFT ")
                    .append(Num.show(Num.sig(i.ttftMs(), 3))).append(" ms)\n");
        }
        s.append("- ").append(life.horizonMonths()).append(" months: **$").append(Advisor.usd(life.totalUsd()))
                .append("**, inference ").append(Advisor.pct(life.inferenceShare()));
        if (t != null && i != null) {
            s.append(", break-even ").append(life.breakEvenMonth() == null ? "not within the horizon"
                    : "in month " + life.breakEvenMonth());
        }
        s.append("\n- Focus: **").append(rec.focus()).append("**");
        if (!rec.reasons().isEmpty()) {
            s.append(": ").append(clip(rec.reasons().get(0), 180));
        }
        s.append("\n");
        List<Optimization> top = levers.stream().filter(Optimization::applicable).filter(o -> o.savingsUsd() > 0)
                .sorted(Comparator.comparingDouble(Optimization::savingsUsd).reversed()
                        .thenComparing(Optimization::lever)).limit(3).toList();
        if (!top.isEmpty()) {
            s.append("Top levers:\n");
            for (Optimization o : top) {
                s.append("- ").append(o.lever()).append(" (").append(clip(o.change().replaceFirst("^[a-zA-Z.]+: ", ""),
                        80)).append("): save $").append(Advisor.usd(o.savingsUsd())).append(" (")
                        .append(Math.round(o.savingsPercent())).append(" % of ").append(o.phase().toLowerCase(
                                java.util.Locale.ROOT)).append(")\n");
            }
            if (best != null && best.savingsUsd() > 0) {
                s.append("All together: $").append(Advisor.usd(best.totalUsd())).append(" (−")
                        .append(Math.round(best.savingsPercent())).append(" %)\n");
            }
        }
        String out = s.toString();
        return out.length() <= MAX_LENGTH ? out : out.substring(0, MAX_LENGTH - 1) + "…";
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
