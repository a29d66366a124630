package dev.aicost.engine;

import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.HostedApi;
import dev.aicost.report.InferenceReport.HostedApiComparison;
import java.util.ArrayList;
import java.util.List;

/** The same requests bought as tokens from each hosted API in the catalog, against the self-hosted fleet. */
final class HostedApis {
    private HostedApis() {
    }

    record Workload(double requestsPerDay, int inputTokens, int outputTokens, double cacheHitRate,
            double prefixHitRate) {
    }

    static List<HostedApiComparison> compare(Catalog catalog, Fleet fleet, Workload w, double selfMonthlyUsd,
            String path, Notes notes) {
        List<HostedApiComparison> list = new ArrayList<>();
        for (HostedApi api : catalog.hostedApis()) {
            double perRequest = (w.inputTokens() * (w.prefixHitRate() * api.cachedInputPerMillionUsd()
                    + (1 - w.prefixHitRate()) * api.inputPerMillionUsd()) + w.outputTokens()
                    * api.outputPerMillionUsd()) / 1e6 * (1 - w.cacheHitRate());
            double monthly = perRequest * w.requestsPerDay() * Num.DAYS_PER_MONTH;
            Double breakEven = breakEven(fleet, perRequest);
            list.add(new HostedApiComparison(api.id(), api.provider(), api.model(), Num.money(monthly),
                    Num.money(perRequest), selfMonthlyUsd < monthly, breakEven == null ? null : Num.sig(breakEven),
                    api.source().cite()));
        }
        notes.assume(path + ".hostedApis", "list prices per 1M tokens", () -> "the same requests bought as tokens; "
                + "break-even is the traffic above which self-hosting costs less");
        return list;
    }

    /** Requests per day above which the self-hosted fleet costs less than the API; null if never (up to the limit). */
    static Double breakEven(Fleet fleet, double apiPerRequest) {
        double hi = 1e12;
        if (fleet.monthlyCostUsd(hi) > apiPerRequest * hi * Num.DAYS_PER_MONTH) {
            return null;
        }
        double lo = 1e-3;
        for (int i = 0; i < 36; i++) { // 15 decades to a relative 1e-6: enough for 4 significant digits
            double mid = Math.sqrt(lo * hi);
            if (fleet.monthlyCostUsd(mid) <= apiPerRequest * mid * Num.DAYS_PER_MONTH) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
