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
        Scale scale) {

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
