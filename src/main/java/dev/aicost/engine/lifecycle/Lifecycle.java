package dev.aicost.engine.lifecycle;

import dev.aicost.engine.core.Num;
import dev.aicost.report.LifecycleReport.Month;
import dev.aicost.report.LifecycleReport.Scale;
import dev.aicost.report.LifecycleReport;
import dev.aicost.request.Bound;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Places training and serving spend month by month over the horizon: the initial run in month 1,
 * retraining on its cadence, serving from its start month with compounding traffic growth, and an
 * optional yearly decline of accelerator-hour prices. Totals are sums of the rounded months.
 */
public final class Lifecycle {

    /**
     * @param inference what serving costs in a month at a given number of requests per day (null: none),
     *        for the scale table
     * @param traffic requests per day in each serving month from {@code inferenceStartMonth} on
     *        (see {@link #traffic}); {@code withMonths} false (the advisor's what-if runs) keeps only totals
     * @param inferenceByMonth what serving costs in each of those months at today's prices (a
     *        commitment's baseline holds for its term, so a month's cost is not a function of its traffic alone)
     */
    public record Plan(int horizon, TrainingSpend training, DoubleUnaryOperator inference, double[] inferenceByMonth,
            int inferenceStartMonth, double[] traffic, double priceDeclinePerYear, Double monthlyBudgetUsd,
            boolean withMonths, Double revenuePerRequestUsd, Locked locked) {

        public Plan(int horizon, TrainingSpend training, DoubleUnaryOperator inference, double[] inferenceByMonth,
                int inferenceStartMonth, double[] traffic, double priceDeclinePerYear, Double monthlyBudgetUsd,
                boolean withMonths, Double revenuePerRequestUsd) {
            this(horizon, training, inference, inferenceByMonth, inferenceStartMonth, traffic, priceDeclinePerYear,
                    monthlyBudgetUsd, withMonths, revenuePerRequestUsd, null);
        }
    }

    /**
     * The parts of each serving month's bill that a falling market price does not move: the people who
     * run the fleet, and a commitment's rate, fixed for its term and priced anew at each renewal
     * ({@code termMonths}, 0: none). In dollars at today's prices, one per serving month.
     */
    public record Locked(double[] operationsUsd, double[] committedUsd, int termMonths) {
        /** The same split for months scaled from these (a range's variant): each part by its month's ratio. */
        public Locked scaledTo(double[] from, double[] to) {
            double[] ops = new double[operationsUsd.length];
            double[] committed = new double[committedUsd.length];
            for (int k = 0; k < ops.length; k++) {
                double ratio = from[k] > 0 ? to[k] / from[k] : 0;
                ops[k] = operationsUsd[k] * ratio;
                committed[k] = committedUsd[k] * ratio;
            }
            return new Locked(ops, committed, termMonths);
        }
    }

    /**
     * A serving month's bill with the yearly price decline: the rented part at this month's prices, the
     * committed part at the prices of its term's first month, the people at today's pay.
     */
    static double declined(Plan p, int k, double factor) {
        double month = p.inferenceByMonth()[k];
        Locked l = p.locked();
        if (l == null || p.priceDeclinePerYear() == 0) {
            return month * factor;
        }
        double ops = Math.min(month, l.operationsUsd()[k]);
        double committed = Math.min(month - ops, l.committedUsd()[k]);
        int termStart = l.termMonths() > 0 ? k - k % l.termMonths() : k;
        double termFactor = Math.pow(1.0 - p.priceDeclinePerYear(), (p.inferenceStartMonth() + termStart - 1) / 12.0);
        return (month - ops - committed) * factor + committed * termFactor + ops;
    }

    /** What training spends: the first run (with engineering) in month 1, then each retraining run. */
    public record TrainingSpend(double runCostUsd, double engineeringUsd, Double retrainEveryMonths, double retrainCostUsd) {
    }

    public static LifecycleReport project(Plan p) {
        List<Month> months = p.withMonths() ? new ArrayList<>() : List.of();
        double cumTraining = 0;
        double cumInference = 0;
        Integer breakEven = null;
        Integer overBudget = null;
        boolean[] retrains = retrainMonths(p);
        for (int m = 1; m <= p.horizon(); m++) {
            double priceFactor = p.priceDeclinePerYear() == 0 ? 1.0 : Math.pow(1.0 - p.priceDeclinePerYear(), (m - 1) / 12.0);
            double training = 0;
            if (p.training() != null) {
                if (m == 1) {
                    training = p.training().runCostUsd() + p.training().engineeringUsd();
                } else if (retrains[m]) {
                    training = p.training().retrainCostUsd() * priceFactor;
                }
            }
            double inference = 0;
            double rpd = 0;
            if (p.inference() != null && m >= p.inferenceStartMonth()) {
                rpd = p.traffic()[m - p.inferenceStartMonth()];
                inference = declined(p, m - p.inferenceStartMonth(), priceFactor);
            }
            // Rounding is idempotent, so a month that adds nothing leaves a sum as it is (most months of
            // most runs have no training, and the advisor runs this a few dozen times per request).
            if (training != 0) {
                training = Num.money(training);
                cumTraining = Num.money(cumTraining + training);
            }
            if (inference != 0) {
                inference = Num.money(inference);
                cumInference = Num.money(cumInference + inference);
            }
            double total = p.withMonths() || p.monthlyBudgetUsd() != null ? Num.money(training + inference) : 0;
            if (p.withMonths()) {
                months.add(new Month(m, training, inference, total, cumTraining, cumInference,
                        Num.money(cumTraining + cumInference), Num.sig(rpd)));
            }
            if (breakEven == null && p.training() != null && p.inference() != null && cumTraining > 0
                    && cumInference >= cumTraining) {
                breakEven = m;
            }
            if (overBudget == null && p.monthlyBudgetUsd() != null && total > p.monthlyBudgetUsd()) {
                overBudget = m;
            }
        }
        double totalTraining = cumTraining;
        double totalInference = cumInference;
        double total = Num.money(totalTraining + totalInference);
        double share = total > 0 ? Num.sig(totalInference / total) : 0;
        Scale scale = null;
        if (p.inference() != null && p.withMonths()) {
            DoubleUnaryOperator f = p.inference();
            double today = p.traffic()[0];
            scale = new Scale(Num.money(f.applyAsDouble(today)), Num.money(f.applyAsDouble(today * 10)),
                    Num.money(f.applyAsDouble(today * 100)));
        }
        LifecycleReport report = new LifecycleReport(p.horizon(), p.withMonths() ? List.copyOf(months) : months,
                totalTraining, totalInference, total, share, breakEven, p.monthlyBudgetUsd(), overBudget, scale);
        return p.withMonths() ? versions(p, report) : report;
    }

    /**
     * Each training run is a model version serving until the next run: its training, the inference
     * and requests of its months, and (with a revenue per request) revenue, margin and the payback
     * month of the whole plan. Sums of the month table's rounded months, so the versions add up to it.
     */
    private static LifecycleReport versions(Plan p, LifecycleReport r) {
        Double perRequest = p.revenuePerRequestUsd();
        List<LifecycleReport.Version> versions = p.training() == null ? null : new ArrayList<>();
        double revenueTotal = 0;
        double cumulativeMargin = 0;
        Integer payback = null;
        boolean[] retrains = retrainMonths(p);
        int from = 1;
        double training = 0;
        double inference = 0;
        double requests = 0;
        double versionRevenue = 0;
        for (Month m : r.months()) {
            double sent = p.inference() != null && m.month() >= p.inferenceStartMonth()
                    ? p.traffic()[m.month() - p.inferenceStartMonth()] * Num.DAYS_PER_MONTH : 0;
            double revenue = perRequest == null ? 0 : Num.money(sent * perRequest);
            if (perRequest != null) {
                revenueTotal = Num.money(revenueTotal + revenue);
                cumulativeMargin = Num.signedMoney(cumulativeMargin + revenue - m.totalUsd());
                if (payback == null && cumulativeMargin >= 0 && revenueTotal > 0) {
                    payback = m.month();
                }
            }
            if (versions == null) {
                continue;
            }
            if (m.month() > 1 && retrains[m.month()]) {
                versions.add(version(versions.size() + 1, from, m.month() - 1, training, inference, requests,
                        perRequest == null ? null : versionRevenue));
                from = m.month();
                training = 0;
                inference = 0;
                requests = 0;
                versionRevenue = 0;
            }
            training += m.trainingUsd(); // sums of the rounded months, rounded once (a version adds up to them)
            inference += m.inferenceUsd();
            requests += sent;
            versionRevenue += revenue;
        }
        if (versions != null) {
            versions.add(version(versions.size() + 1, from, p.horizon(), training, inference, requests,
                    perRequest == null ? null : versionRevenue));
        }
        return r.withVersions(versions == null ? null : List.copyOf(versions), perRequest == null ? null : revenueTotal,
                perRequest == null ? null : Num.signedMoney(revenueTotal - r.totalUsd()), payback);
    }

    private static LifecycleReport.Version version(int number, int from, int to, double training, double inference,
            double requests, Double revenue) {
        return new LifecycleReport.Version(number, from, to, Num.money(training), Num.money(inference),
                Num.sig(requests), requests > 0 ? Num.money((training + inference) / requests * 1000) : null,
                revenue == null ? null : Num.money(revenue),
                revenue == null ? null : Num.signedMoney(revenue - training - inference));
    }

    /** Requests per day in each serving month: compounding growth, capped at the largest accepted traffic. */
    public static double[] traffic(double requestsPerDay, double monthlyGrowth, int months) {
        double[] t = new double[Math.max(1, months)];
        for (int k = 0; k < t.length; k++) {
            t[k] = Math.min(Bound.REQUESTS_PER_DAY.max(), requestsPerDay * Math.pow(1.0 + monthlyGrowth, k));
        }
        return t;
    }

    /** Whether a retraining run falls in each month 0..horizon (index 0 unused), computed once per projection. */
    private static boolean[] retrainMonths(Plan p) {
        return retrainMonths(p.horizon(), p.training() == null ? null : p.training().retrainEveryMonths());
    }

    /** Retraining runs at months 1 + k, 1 + 2k, ... (k may be fractional: 1.5 → months 2, 4, 5, ...). */
    private static boolean[] retrainMonths(int horizon, Double everyMonths) {
        boolean[] in = new boolean[Math.max(0, horizon) + 1];
        if (everyMonths != null) {
            for (int j = 1; ; j++) {
                int at = 1 + (int) Math.floor(j * everyMonths + 1e-9);
                if (at > horizon) {
                    break;
                }
                in[at] = true;
            }
        }
        return in;
    }

    /** Whether a retraining run falls in this month (see {@link #retrainMonths(int, Double)}). */
    static boolean retrainsIn(int month, Double everyMonths) {
        return month >= 1 && retrainMonths(month, everyMonths)[month];
    }
}
