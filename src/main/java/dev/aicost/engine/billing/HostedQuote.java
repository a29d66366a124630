package dev.aicost.engine.billing;

import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.HostedApi;
import dev.aicost.engine.core.Notes;
import dev.aicost.engine.core.Num;
import dev.aicost.report.HostedApiReport;
import dev.aicost.request.EstimateRequest;
import dev.aicost.request.InferenceInput;

/**
 * The bill of requests bought from a hosted API alone (no model to self-host): tokens at its list
 * prices ({@link HostedApis#perRequestUsd}), every month of the horizon, traffic compounding by its
 * monthly growth up to the engine's traffic cap.
 */
public final class HostedQuote {
    static final double MAX_REQUESTS_PER_DAY = 1e12;

    private HostedQuote() {
    }

    public static HostedApiReport quote(Catalog catalog, EstimateRequest req, Notes notes) {
        InferenceInput in = req.inference();
        HostedApi api = catalog.hostedApis().stream().filter(a -> a.id().equals(in.service().hostedApi()))
                .findFirst().orElseThrow();
        int input = notes.orDefault(in.traffic().inputTokens(), 500, "inference", ".inputTokens",
                "a typical chat prompt");
        int output = notes.orDefault(in.traffic().outputTokens(), 250, "inference", ".outputTokens",
                "a typical chat answer");
        double cache = in.caching().cacheHitRate() == null ? 0 : in.caching().cacheHitRate();
        double prefix = in.caching().prefixCacheHitRate() == null ? 0 : in.caching().prefixCacheHitRate();
        double growth = in.traffic().monthlyGrowth() == null ? 0 : in.traffic().monthlyGrowth();
        int horizon = notes.orDefault(req.horizonMonths(), 24, "", "horizonMonths", "two years of operation");
        boolean batch = in.service().workload() == InferenceInput.Workload.BATCH;
        double rpd = in.traffic().requestsPerDay();
        HostedApis.Workload w = new HostedApis.Workload(rpd, input, output, cache, prefix, api.servesModel(), batch);
        double perRequest = HostedApis.perRequestUsd(api, w);
        double monthly = perRequest * rpd * Num.DAYS_PER_MONTH;
        double total = 0;
        double traffic = rpd;
        for (int m = 0; m < horizon; m++) {
            total += perRequest * Math.min(traffic, MAX_REQUESTS_PER_DAY) * Num.DAYS_PER_MONTH;
            traffic *= 1 + growth;
        }
        if (traffic > MAX_REQUESTS_PER_DAY) {
            notes.warn(() -> "Traffic growth is capped at 1e12 requests per day.");
        }
        notes.assume("inference", ".hostedApi", api.id(), () -> api.model() + " from " + api.provider() + " at its "
                + "list prices: $" + api.inputPerMillionUsd() + " input, $" + api.outputPerMillionUsd()
                + " output per 1M tokens" + (batch && api.batchPriceFraction() != null ? ", batch tier" : "") + "; "
                + api.source().cite());
        if (catalog.stale(api.source())) {
            notes.warn(() -> "Prices of hosted API '" + api.id() + "' date from " + api.source().date()
                    + ", more than 12 months before the catalog (" + catalog.asOfText() + "); check the provider's page.");
        }
        return new HostedApiReport(api.id(), api.provider(), api.model(), rpd, input, output, cache, batch, perRequest,
                monthly, growth, horizon, total, api.source().cite());
    }
}
