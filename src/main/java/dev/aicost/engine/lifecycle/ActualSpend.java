package dev.aicost.engine.lifecycle;

import dev.aicost.engine.core.Notes;
import dev.aicost.engine.core.Num;
import dev.aicost.report.ActualsReport;
import dev.aicost.report.LifecycleReport;
import dev.aicost.report.Money;
import dev.aicost.request.EstimateRequest;
import dev.aicost.request.InvalidRequestException;
import dev.aicost.request.Problem;
import java.util.ArrayList;
import java.util.List;

/** Billed months against the estimate: exact sums of the figures given, deviations, alerts and a projection. */
public final class ActualSpend {
    /** A month this far from its estimate (either way) is worth a look. */
    static final double ALERT_DEVIATION = 0.25;
    /** The projection scales the estimate by the bill's ratio over the last few billed months. */
    static final int TREND_MONTHS = 3;

    private ActualSpend() {
    }

    /** Refuses billed months after the horizon (the reader cannot know the default horizon). */
    public static void checkHorizon(EstimateRequest.Actuals actuals, int horizon) {
        List<Problem> problems = new ArrayList<>();
        for (int k = 0; k < actuals.months().size(); k++) {
            int month = actuals.months().get(k).month();
            if (month > horizon) {
                problems.add(new Problem("actuals.months[" + k + "].month", "month " + month
                        + " is after the horizon of " + horizon + " months", "1 to " + horizon
                        + ", or a longer horizonMonths"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    public static ActualsReport compare(EstimateRequest.Actuals actuals, LifecycleReport life, Double budget, Notes notes) {
        List<EstimateRequest.ActualMonth> billed = actuals.months(); // sorted by month
        double training = 0;
        double inference = 0;
        double servedInference = 0;
        double requests = 0;
        List<ActualsReport.Variance> variance = new ArrayList<>();
        for (EstimateRequest.ActualMonth a : billed) {
            training += a.trainingUsd();
            inference += a.inferenceUsd();
            if (a.requests() != null) {
                servedInference += a.inferenceUsd();
                requests += a.requests();
            }
            double actual = a.trainingUsd() + a.inferenceUsd();
            double estimate = life.months().get(a.month() - 1).totalUsd();
            Double delta = estimate > 0 ? Math.round((actual - estimate) / estimate * 1000) / 10.0 : null;
            variance.add(new ActualsReport.Variance(a.month(), estimate, Num.money(actual), delta));
            if (delta != null && Math.abs(delta) > ALERT_DEVIATION * 100) {
                notes.warn(() -> "Month " + a.month() + ": billed $" + Money.usd(actual) + " is "
                        + Math.round(Math.abs(delta)) + " % " + (delta > 0 ? "above" : "below") + " the estimate ($"
                        + Money.usd(estimate) + ").");
            }
            if (budget != null && actual > budget) {
                notes.warn(() -> "Month " + a.month() + ": billed $" + Money.usd(actual) + " breaks the monthly "
                        + "budget of $" + Money.usd(budget) + ".");
            }
        }
        double total = training + inference;

        // The rest of the horizon: the estimate's months, scaled by billed ÷ estimated over the last billed months.
        int last = billed.get(billed.size() - 1).month();
        double billedRecent = 0;
        double estimatedRecent = 0;
        for (int k = Math.max(0, billed.size() - TREND_MONTHS); k < billed.size(); k++) {
            EstimateRequest.ActualMonth a = billed.get(k);
            billedRecent += a.trainingUsd() + a.inferenceUsd();
            estimatedRecent += life.months().get(a.month() - 1).totalUsd();
        }
        double factor = estimatedRecent > 0 ? billedRecent / estimatedRecent : 1.0;
        double projected = 0;
        int used = 0;
        for (LifecycleReport.Month m : life.months()) {
            if (used < billed.size() && billed.get(used).month() == m.month()) {
                EstimateRequest.ActualMonth a = billed.get(used++);
                projected += a.trainingUsd() + a.inferenceUsd();
            } else {
                projected += m.month() > last ? m.totalUsd() * factor : m.totalUsd();
            }
        }
        int window = Math.min(TREND_MONTHS, billed.size());
        boolean scaled = estimatedRecent > 0;
        notes.assume("actuals.projection", "×" + Num.show(Num.sig(factor, 3)), () -> "months after " + last
                + " are the estimate's, scaled by billed ÷ estimated over the last " + window + " billed month"
                + (window == 1 ? "" : "s") + (scaled ? "" : " (estimated 0 there: not scaled)")
                + "; months before it that were not billed keep the estimate");
        return new ActualsReport(billed.size(), Num.money(training), Num.money(inference), Num.money(total),
                total > 0 ? Num.sig(inference / total) : 0, requests > 0 ? Num.money(servedInference / requests) : null,
                List.copyOf(variance), Num.sig(factor), Num.money(projected));
    }
}
