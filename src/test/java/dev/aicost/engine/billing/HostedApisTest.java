package dev.aicost.engine.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.HostedApi;
import dev.aicost.catalog.Source;
import dev.aicost.engine.core.Notes;
import dev.aicost.engine.core.Num;
import dev.aicost.report.InferenceReport.HostedApiComparison;
import dev.aicost.request.InferenceInput.Scaling;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Buying the same requests as tokens, priced by hand from the list prices. */
class HostedApisTest {
    static final Source SOURCE = new Source("a price page", LocalDate.of(2026, 6, 1), "primary");
    /** $2 in, $1 cached, $2.5 cache write, $8 out per million tokens; batch at half price. */
    static final HostedApi API = new HostedApi("x-llama", "x", "Llama", "llama-3.1-8b", 2, 1, 2.5, 8, 0.5, true, SOURCE);

    static HostedApis.Workload workload(double cacheHit, double prefixHit, boolean batch) {
        return new HostedApis.Workload(10_000, 1000, 200, cacheHit, prefixHit, "llama-3.1-8b", batch);
    }

    @Test
    void aRequestPaysItsTokensAtTheirPrices() {
        // 1,000 input tokens at $2/M and 200 output at $8/M: $0.002 + $0.0016.
        assertThat(HostedApis.perRequestUsd(API, workload(0, 0, false))).isCloseTo(0.0036, within(1e-15));
        // 40 % of the prompt hits the provider's cache ($1/M), the rest is written to it ($2.5/M).
        assertThat(HostedApis.perRequestUsd(API, workload(0, 0.4, false)))
                .isCloseTo((400 * 1 + 600 * 2.5 + 200 * 8) / 1e6, within(1e-15));
        // The batch tier halves it; the response cache answers 30 % before any call.
        assertThat(HostedApis.perRequestUsd(API, workload(0.3, 0, true))).isCloseTo(0.0036 * 0.5 * 0.7, within(1e-15));
        HostedApi noBatch = new HostedApi("y", "y", "Llama", "llama-3.1-8b", 2, 1, 2, 8, null, true, SOURCE);
        assertThat(HostedApis.perRequestUsd(noBatch, workload(0, 0, true))).isCloseTo(0.0036, within(1e-15));
    }

    @Test
    void theCheapestSameModelOfferIsFoundAndTheComparisonListsItFirst() {
        Catalog catalog = Catalog.builtIn();
        HostedApis.Workload w = new HostedApis.Workload(10_000, 1000, 200, 0, 0, "llama-3.3-70b", false);
        HostedApi cheapest = HostedApis.cheapestSameModel(catalog, w);
        List<HostedApi> same = catalog.hostedApis().stream().filter(a -> "llama-3.3-70b".equals(a.servesModel()))
                .toList();
        assertThat(same).hasSizeGreaterThan(1);
        double least = same.stream().mapToDouble(a -> HostedApis.perRequestUsd(a, w)).min().orElseThrow();
        assertThat(HostedApis.perRequestUsd(cheapest, w)).isEqualTo(least);
        assertThat(same.stream().filter(a -> HostedApis.perRequestUsd(a, w) == least).findFirst().orElseThrow())
                .as("ties go to the earlier catalog row").isEqualTo(cheapest);
        assertThat(HostedApis.cheapestSameModel(catalog, new HostedApis.Workload(1, 1, 1, 0, 0, "nobody", false)))
                .isNull();

        Fleet fleet = BreakEvenTest.fleet(BreakEvenTest.FLAT, Scaling.ALWAYS_ON, 1,
                new Fleet.Pricing(0.8, 0, null, Double.NaN, 0, Double.NaN));
        double self = fleet.monthlyCostUsd(w.requestsPerDay());
        Notes notes = Notes.recorder();
        List<HostedApiComparison> list = HostedApis.compare(catalog, fleet, w, self, "inference", notes);
        // Every same-model offer (hand-sourced or imported) and every hand-sourced other; not the hundreds of
        // other models the imported price map holds.
        assertThat(list).hasSize(same.size() + (int) catalog.hostedApis().stream()
                .filter(a -> !a.imported() && !"llama-3.3-70b".equals(a.servesModel())).count());
        assertThat(catalog.hostedApis().stream().filter(HostedApi::imported).count()).isGreaterThan(150);
        int sameCount = same.size();
        for (int k = 0; k < list.size(); k++) {
            HostedApiComparison c = list.get(k);
            assertThat(c.sameModel()).as("same-model offers first").isEqualTo(k < sameCount);
            HostedApi api = catalog.hostedApis().stream().filter(a -> a.id().equals(c.id())).findFirst().orElseThrow();
            double perRequest = HostedApis.perRequestUsd(api, w);
            double monthly = perRequest * w.requestsPerDay() * Num.DAYS_PER_MONTH;
            assertThat(c.monthlyCostUsd()).isEqualTo(Num.money(monthly));
            assertThat(c.selfHostingCheaper()).isEqualTo(self < monthly);
            if (k > 0 && list.get(k - 1).sameModel() == c.sameModel()) {
                assertThat(c.costPerRequestUsd()).as("by price within each group")
                        .isGreaterThanOrEqualTo(list.get(k - 1).costPerRequestUsd());
            }
        }
        assertThat(list.get(0).id()).isEqualTo(cheapest.id());
        assertThat(notes.assumptions()).anySatisfy(a -> assertThat(a.name()).isEqualTo("inference.hostedApis"));
    }

    @Test
    void staleSameModelPricesAreWarnedAbout() {
        Catalog catalog = Catalog.builtIn();
        Fleet fleet = BreakEvenTest.fleet(BreakEvenTest.FLAT, Scaling.ALWAYS_ON, 1,
                new Fleet.Pricing(0.8, 0, null, Double.NaN, 0, Double.NaN));
        for (HostedApi api : catalog.hostedApis()) {
            if (api.servesModel() == null) {
                continue;
            }
            HostedApis.Workload w = new HostedApis.Workload(10_000, 1000, 200, 0, 0, api.servesModel(), true);
            Notes notes = Notes.recorder();
            HostedApis.compare(catalog, fleet, w, 1e9, "inference", notes);
            boolean stale = catalog.hostedApis().stream()
                    .anyMatch(a -> api.servesModel().equals(a.servesModel()) && catalog.stale(a.source()));
            assertThat(notes.warnings().stream().anyMatch(s -> s.startsWith("Same-model hosted-API prices")))
                    .as(api.servesModel()).isEqualTo(stale);
            assertThat(notes.assumptions().stream().filter(a -> a.name().equals("inference.hostedApis"))
                    .findFirst().orElseThrow().reason()).contains("at the batch tier");
        }
    }
}
