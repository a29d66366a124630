package dev.aicost.report;

import java.util.List;

/** Month-by-month spend over the horizon, how it splits, and when inference overtakes training. */
public record LifecycleReport(
        int horizonMonths,
        List<Month> months,
        double trainingUsd,
        double inferenceUsd,
        double totalUsd,
        double inferenceShare,
        Integer breakEvenMonth,
        Double monthlyBudgetUsd,
        Integer budgetExceededMonth,
        Scale scale,
        LifecycleRanges ranges,
        MonthRange breakEvenMonthRange,
        List<Version> versions,
        Double revenueUsd,
        Double marginUsd,
        Integer paybackMonth,
        Double commitmentsBeyondHorizonUsd) {

    /** The report before its ranges are known. */
    public LifecycleReport(int horizonMonths, List<Month> months, double trainingUsd, double inferenceUsd,
            double totalUsd, double inferenceShare, Integer breakEvenMonth, Double monthlyBudgetUsd,
            Integer budgetExceededMonth, Scale scale) {
        this(horizonMonths, months, trainingUsd, inferenceUsd, totalUsd, inferenceShare, breakEvenMonth,
                monthlyBudgetUsd, budgetExceededMonth, scale, null, null, null, null, null, null, null);
    }

    /** The same report with each model version's cost and return, and when the margin pays back the spend. */
    public LifecycleReport withVersions(List<Version> v, Double revenue, Double margin, Integer payback) {
        return new LifecycleReport(horizonMonths, months, trainingUsd, inferenceUsd, totalUsd, inferenceShare,
                breakEvenMonth, monthlyBudgetUsd, budgetExceededMonth, scale, ranges, breakEvenMonthRange, v, revenue,
                margin, payback, commitmentsBeyondHorizonUsd);
    }

    /**
     * One model version: a training run (the first, or a retraining) and the months it serves until
     * the next. Revenue and margin only when the request gives {@code inference.revenuePerRequestUsd}.
     */
    public record Version(int version, int fromMonth, int toMonth, double trainingUsd, double inferenceUsd,
            double requests, Double costPerThousandRequestsUsd, Double revenueUsd, Double marginUsd) {
    }

    public LifecycleReport withRanges(LifecycleRanges v, MonthRange breakEven) {
        return new LifecycleReport(horizonMonths, months, trainingUsd, inferenceUsd, totalUsd, inferenceShare,
                breakEvenMonth, monthlyBudgetUsd, budgetExceededMonth, scale, v, breakEven, versions, revenueUsd,
                marginUsd, paybackMonth, commitmentsBeyondHorizonUsd);
    }

    /**
     * The same report with what committed terms still bill after the horizon (a 3-year commitment
     * over a 12-month horizon owes 24 more months): a contract's obligation, outside the total.
     */
    public LifecycleReport withCommitmentsBeyondHorizon(Double usd) {
        return new LifecycleReport(horizonMonths, months, trainingUsd, inferenceUsd, totalUsd, inferenceShare,
                breakEvenMonth, monthlyBudgetUsd, budgetExceededMonth, scale, ranges, breakEvenMonthRange, versions,
                revenueUsd, marginUsd, paybackMonth, usd);
    }

    /** P10–P90 of the lifetime total. */
    public record LifecycleRanges(Range totalUsd) {
    }

    /**
     * The earliest and latest month inference overtakes training across the P10–P90 of both;
     * {@code latest} is null where the slow case does not break even within the horizon.
     */
    public record MonthRange(int earliest, Integer latest) {
    }

    /** One month; cumulative columns run from month 1. */
    public record Month(
            int month,
            double trainingUsd,
            double inferenceUsd,
            double totalUsd,
            double cumulativeTrainingUsd,
            double cumulativeInferenceUsd,
            double cumulativeUsd,
            double requestsPerDay) {
    }

    /** What serving would cost per month at 10x and 100x today's traffic. */
    public record Scale(double currentMonthlyUsd, double x10MonthlyUsd, double x100MonthlyUsd) {
    }
}
