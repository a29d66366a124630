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
        List<HostedApi> apis = List.copyOf(catalog.hostedApis());
        double[] perRequest = new double[apis.size()];
        Integer[] byPrice = new Integer[apis.size()];
        for (int k = 0; k < apis.size(); k++) {
            HostedApi api = apis.get(k);
            perRequest[k] = (w.inputTokens() * (w.prefixHitRate() * api.cachedInputPerMillionUsd()
                    + (1 - w.prefixHitRate()) * api.inputPerMillionUsd()) + w.outputTokens()
                    * api.outputPerMillionUsd()) / 1e6 * (1 - w.cacheHitRate());
            byPrice[k] = k;
        }
        // APIs of similar price bisect along the same first traffic levels: in price order, each reuses them.
        java.util.Arrays.sort(byPrice, (a, b) -> Double.compare(perRequest[a], perRequest[b]));
        Bisection bisection = new Bisection(fleet);
        Double[] breakEven = new Double[apis.size()];
        for (int k : byPrice) {
            breakEven[k] = bisection.breakEven(perRequest[k]);
        }
        List<HostedApiComparison> list = new ArrayList<>();
        for (int k = 0; k < apis.size(); k++) {
            HostedApi api = apis.get(k);
            double monthly = perRequest[k] * w.requestsPerDay() * Num.DAYS_PER_MONTH;
            list.add(new HostedApiComparison(api.id(), api.provider(), api.model(), Num.money(monthly),
                    Num.money(perRequest[k]), selfMonthlyUsd < monthly,
                    breakEven[k] == null ? null : Num.sig(breakEven[k]), api.source().cite()));
        }
        notes.assume(path + ".hostedApis", "list prices per 1M tokens", "the same requests bought as tokens; "
                + "break-even is the traffic above which self-hosting costs less");
        return list;
    }

    /**
     * Requests per day above which the self-hosted fleet costs less than an API: a bisection over
     * 1e-3 to 1e12 requests per day (null if the fleet costs more even there). The fleet's cost at
     * each traffic level visited is kept, so that the next bisection reuses the levels it shares.
     */
    static final class Bisection {
        private static final int STEPS = 36; // 15 decades to a relative 1e-6: enough for 4 significant digits
        private static final double MIN = 1e-3;
        private static final double MAX = 1e12;

        private final Fleet fleet;
        private final double[] levels = new double[STEPS];
        private final double[] costs = new double[STEPS];
        private int known;
        private double costAtMax = Double.NaN;

        Bisection(Fleet fleet) {
            this.fleet = fleet;
        }

        Double breakEven(double apiPerRequest) {
            if (Double.isNaN(costAtMax)) {
                costAtMax = fleet.monthlyCostUsd(MAX);
            }
            double hi = MAX;
            if (costAtMax > apiPerRequest * hi * Num.DAYS_PER_MONTH) {
                return null;
            }
            double lo = MIN;
            for (int i = 0; i < STEPS; i++) {
                double mid = Math.sqrt(lo * hi);
                if (costAt(i, mid) <= apiPerRequest * mid * Num.DAYS_PER_MONTH) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return hi;
        }

        private double costAt(int step, double level) {
            if (step < known && levels[step] == level) {
                return costs[step];
            }
            levels[step] = level;
            costs[step] = fleet.monthlyCostUsd(level);
            known = step + 1;
            return costs[step];
        }
    }
}
