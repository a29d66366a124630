package dev.aicost.report;

/**
 * What an hour of an owned accelerator costs, part by part (USD per accelerator-hour): the capital
 * (the accelerator, and its share of the server and cluster network) straight-line over its life,
 * the financing on top of that at the cost of capital, the facility space and the power it draws.
 * Fixed parts are divided by {@code utilization}: owned training hardware idle between runs is paid
 * for by the busy hours; a serving fleet pays every hour and has utilization 1.
 */
public record OwnedCost(
        double purchaseUsd,
        double lifeYears,
        double costOfCapitalPerYear,
        double utilization,
        double acceleratorCapitalPerHourUsd,
        double serverAndNetworkPerHourUsd,
        double financingPerHourUsd,
        double facilityPerHourUsd,
        double powerPerHourUsd,
        double totalPerHourUsd) {
}
