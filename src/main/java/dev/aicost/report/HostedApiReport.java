package dev.aicost.report;

/**
 * Requests bought from a hosted API that sells a model the catalog has no architecture for (GPT, Claude,
 * Gemini): the bill is the API's list prices times the tokens, month by month over the horizon.
 */
public record HostedApiReport(
        String hostedApi,
        String provider,
        String model,
        double requestsPerDay,
        int inputTokens,
        int outputTokens,
        double cacheHitRate,
        boolean batch,
        double costPerRequestUsd,
        double monthlyCostUsd,
        double monthlyGrowth,
        int horizonMonths,
        double totalUsd,
        String source) {
}
