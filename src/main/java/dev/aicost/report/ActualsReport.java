package dev.aicost.report;

import java.util.List;

/**
 * Spend as billed next to the estimate: totals of the months given, their split and cost per
 * request, each month's deviation, and the rest of the horizon projected from the billed trend.
 */
public record ActualsReport(
        int months,
        double trainingUsd,
        double inferenceUsd,
        double totalUsd,
        double inferenceShare,
        Double costPerRequestUsd,
        List<Variance> variance,
        double projectionFactor,
        double projectedTotalUsd) {

    /** One billed month against the estimate's month; {@code deltaPercent} is null where the estimate is 0. */
    public record Variance(int month, double estimateUsd, double actualUsd, Double deltaPercent) {
    }
}
