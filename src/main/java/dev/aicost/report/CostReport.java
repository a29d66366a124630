package dev.aicost.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The answer to an estimate request. Its JSON paths are the public contract (docs/report.md):
 * they are extended, never renamed or removed. Sections that were not requested are null.
 */
public record CostReport(
        String schemaVersion,
        ModelSummary model,
        CatalogInfo catalog,
        TrainingReport training,
        InferenceReport inference,
        LifecycleReport lifecycle,
        Recommendation recommendation,
        List<Optimization> optimizations,
        BestPlan bestPlan,
        List<Assumption> assumptions,
        List<String> warnings,
        String summary,
        JsonNode request,
        ActualsReport actuals,
        String understood,
        List<String> ignored,
        List<ComparisonOption> comparison,
        RentalReport rental,
        HostedApiReport hostedApi,
        Links links) {

    /** Where the report can be opened: its HTML page, when report links are configured. */
    public record Links(String html) {
    }

    public static final String SCHEMA_VERSION = "1.0";

    /** A report without the chat's reading (a structured request). */
    public CostReport(String schemaVersion, ModelSummary model, CatalogInfo catalog, TrainingReport training,
            InferenceReport inference, LifecycleReport lifecycle, Recommendation recommendation,
            List<Optimization> optimizations, BestPlan bestPlan, List<Assumption> assumptions, List<String> warnings,
            String summary, JsonNode request, ActualsReport actuals) {
        this(schemaVersion, model, catalog, training, inference, lifecycle, recommendation, optimizations, bestPlan,
                assumptions, warnings, summary, request, actuals, null, null, null, null, null, null);
    }

    /**
     * A GPU rental quote: only the {@code rental} section, the catalog, assumptions, warnings and summary
     * (no model, lifecycle or levers: nothing is trained or served).
     */
    public static CostReport rental(RentalReport rental, CatalogInfo catalog, List<Assumption> assumptions,
            List<String> warnings, String summary) {
        return new CostReport(SCHEMA_VERSION, null, catalog, null, null, null, null, List.of(), null, assumptions,
                warnings, summary, null, null, null, null, null, rental, null, null);
    }

    /**
     * Requests bought from a hosted API alone (a closed model): only the {@code hostedApi} section, the
     * catalog, assumptions, warnings and summary.
     */
    public static CostReport hostedApi(HostedApiReport hosted, CatalogInfo catalog, List<Assumption> assumptions,
            List<String> warnings, String summary) {
        return new CostReport(SCHEMA_VERSION, null, catalog, null, null, null, null, List.of(), null, assumptions,
                warnings, summary, null, null, null, null, null, null, hosted, null);
    }

    /** The same report with the advisor's levers, best plan and the summary that mentions them. */
    public CostReport withAdvice(List<Optimization> levers, BestPlan best, String text) {
        return new CostReport(schemaVersion, model, catalog, training, inference, lifecycle, recommendation, levers,
                best, assumptions, warnings, text, request, actuals, understood, ignored, comparison, rental, hostedApi,
                links);
    }

    /**
     * The same report echoing the structured request a plain-text request was read as, so that the
     * caller sees the interpretation and can refine it (null for a structured request).
     */
    public CostReport withRequest(JsonNode understood) {
        return new CostReport(schemaVersion, model, catalog, training, inference, lifecycle, recommendation,
                optimizations, bestPlan, assumptions, warnings, summary, understood, actuals, this.understood, ignored,
                comparison, rental, hostedApi, links);
    }

    /**
     * The same report with what a chat message was read as: the "Understood" line (model, traffic,
     * lengths, hardware, buying; defaults marked), the words skipped that might have mattered, and for
     * "A vs B" one row per option.
     */
    public CostReport withReading(String line, List<String> skipped, List<ComparisonOption> options) {
        return new CostReport(schemaVersion, model, catalog, training, inference, lifecycle, recommendation,
                optimizations, bestPlan, assumptions, warnings, summary, request, actuals, line, skipped, options, rental,
                hostedApi, links);
    }

    /** The same report with where it can be opened (added by the function, which knows the link key). */
    public CostReport withLinks(Links where) {
        return new CostReport(schemaVersion, model, catalog, training, inference, lifecycle, recommendation,
                optimizations, bestPlan, assumptions, warnings, summary, request, actuals, understood, ignored,
                comparison, rental, hostedApi, where);
    }
}
