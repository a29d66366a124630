package dev.aicost.engine.billing;

import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.HostedApi;
import dev.aicost.engine.core.Notes;
import dev.aicost.engine.core.Num;
import dev.aicost.report.InferenceReport.HostedApiComparison;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The same requests bought as tokens from each hosted API in the catalog, against the self-hosted fleet. */
public final class HostedApis {
    private HostedApis() {
    }

    /**
     * @param modelId the catalog model being served (null: a custom model)
     * @param batch the workload is a batch job: APIs with a batch tier are priced at it
     */
    public record Workload(double requestsPerDay, int inputTokens, int outputTokens, double cacheHitRate,
            double prefixHitRate, String modelId, boolean batch) {
    }

    /**
     * What one request costs on an API: input at the cache-hit price for the prefix that hits the
     * provider's prompt cache and at the cache-write price for the rest of a cached prompt (a
     * premium at some providers), output at the output price; the response cache answers its hits
     * before any API call; a batch workload pays the batch tier where there is one.
     */
    public static double perRequestUsd(HostedApi api, Workload w) {
        double missPrice = w.prefixHitRate() > 0 ? api.cacheWritePerMillionUsd() : api.inputPerMillionUsd();
        double tokens = w.inputTokens() * (w.prefixHitRate() * api.cachedInputPerMillionUsd()
                + (1 - w.prefixHitRate()) * missPrice) + w.outputTokens() * api.outputPerMillionUsd();
        double fraction = w.batch() && api.batchPriceFraction() != null ? api.batchPriceFraction() : 1.0;
        return tokens / 1e6 * fraction * (1 - w.cacheHitRate());
    }

    static boolean sameModel(HostedApi api, Workload w) {
        return w.modelId() != null && w.modelId().equals(api.servesModel());
    }

    /** The cheapest API serving the same model, or null. */
    public static HostedApi cheapestSameModel(Catalog catalog, Workload w) {
        HostedApi best = null;
        for (HostedApi api : catalog.hostedApis()) {
            if (sameModel(api, w) && (best == null || perRequestUsd(api, w) < perRequestUsd(best, w))) {
                best = api;
            }
        }
        return best;
    }

    public static List<HostedApiComparison> compare(Catalog catalog, Fleet fleet, Workload w, double selfMonthlyUsd,
            String path, Notes notes) {
        // Every offer of the same model; of the others, the hand-sourced ones (the imported map holds hundreds).
        List<HostedApi> apis = new ArrayList<>();
        for (HostedApi api : catalog.hostedApis()) {
            if (!api.imported() || sameModel(api, w)) {
                apis.add(api);
            }
        }
        // The same model first (the like-for-like comparison), then the rest, each by price.
        apis.sort(Comparator.comparing((HostedApi a) -> !sameModel(a, w))
                .thenComparingDouble(a -> perRequestUsd(a, w)));
        List<HostedApiComparison> list = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (HostedApi api : apis) {
            double perRequest = perRequestUsd(api, w);
            double monthly = perRequest * w.requestsPerDay() * Num.DAYS_PER_MONTH;
            Double breakEven = BreakEven.requestsPerDay(fleet, perRequest);
            list.add(new HostedApiComparison(api.id(), api.provider(), api.model(), Num.money(monthly),
                    Num.money(perRequest), selfMonthlyUsd < monthly, breakEven == null ? null : Num.sig(breakEven),
                    api.source().cite(), sameModel(api, w)));
            if (sameModel(api, w) && catalog.stale(api.source())) { // the like-for-like offers a user acts on
                stale.add(api.id() + " (" + api.source().date() + ")");
            }
        }
        notes.assume(path, ".hostedApis", "list prices per 1M tokens", () -> "the same requests bought as tokens"
                + (w.batch() ? " at the batch tier where one exists" : "") + "; every same-model offer first, then the hand-sourced others; break-even "
                + "is the traffic above which self-hosting costs less at every higher traffic");
        if (!stale.isEmpty()) {
            notes.warn(() -> "Same-model hosted-API prices more than 12 months older than the catalog: "
                    + String.join(", ", stale) + "; check the provider's page before relying on those comparisons.");
        }
        return list;
    }
}
