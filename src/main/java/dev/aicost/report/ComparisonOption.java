package dev.aicost.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One option of a comparison ("llama 8b vs mistral 7b", "h100 vs a100", "self-host or gpt-4o-mini"):
 * what it is, as typed and as understood, and its headline figures from its own engine run. Exactly
 * one option is {@code cheapest} (the lowest lifetime total; the first typed on a tie).
 */
public record ComparisonOption(
        String option,
        String understood,
        JsonNode request,
        Double monthlyCostUsd,
        Double costPerRequestUsd,
        Double ttftMs,
        Double e2eMs,
        double lifetimeTotalUsd,
        int horizonMonths,
        boolean latencyTargetMet,
        boolean cheapest) {
}
