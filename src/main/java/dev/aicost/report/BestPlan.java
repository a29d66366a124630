package dev.aicost.report;

import java.util.List;

/** The applicable levers that combine well, applied together, and the lifecycle total they give. */
public record BestPlan(List<String> levers, double totalUsd, double savingsUsd, double savingsPercent) {
}
