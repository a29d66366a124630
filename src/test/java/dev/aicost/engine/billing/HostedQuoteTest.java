package dev.aicost.engine.billing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicost.api.Estimator;
import dev.aicost.report.CostReport;
import dev.aicost.report.HostedApiReport;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Requests bought from an API that sells a closed model, by hand from its list prices. */
class HostedQuoteTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static CostReport estimate(String json) throws Exception {
        return Estimator.builtIn().estimate(JSON.readTree(json.replace('\'', '"')));
    }

    @Test
    void gpt4oMiniAtItsListPrices() throws Exception {
        // GPT-4o mini: $0.15 input, $0.60 output per 1M tokens; 500 in + 250 out = $0.000225 a request.
        CostReport r = estimate("{'inference':{'requestsPerDay':100000,'hostedApi':'openai-gpt-4o-mini'}}");
        HostedApiReport h = r.hostedApi();
        assertThat(h.costPerRequestUsd()).isCloseTo(0.000225, within(1e-12));
        assertThat(h.monthlyCostUsd()).isCloseTo(0.000225 * 100_000 * 365 / 12, within(1e-9));
        assertThat(h.totalUsd()).isCloseTo(24 * h.monthlyCostUsd(), within(1e-6));
        assertThat(r.model()).isNull();
        assertThat(r.assumptions()).anyMatch(a -> a.name().equals("inference.inputTokens"));
    }

    @Test
    void growthCompoundsMonthByMonthAndTheResponseCacheAnswersItsHits() throws Exception {
        CostReport r = estimate("{'inference':{'requestsPerDay':10000,'inputTokens':1000,'outputTokens':100,"
                + "'cacheHitRate':0.25,'monthlyGrowth':0.1,'hostedApi':'anthropic-claude-haiku-3.5'},'horizonMonths':3}");
        // Claude 3.5 Haiku: $0.80 input, $4.00 output per 1M: 1000 × 0.8 + 100 × 4 = $0.0012, 75 % not cached.
        double perRequest = (1000 * 0.80 + 100 * 4.00) / 1e6 * 0.75;
        double month = perRequest * 10_000 * 365 / 12;
        HostedApiReport h = r.hostedApi();
        assertThat(h.costPerRequestUsd()).isCloseTo(perRequest, within(1e-12));
        assertThat(h.totalUsd()).isCloseTo(month * (1 + 1.1 + 1.21), within(1e-6));
    }

    @Test
    void aComparisonPricesTheApiFromItsOwnQuote() throws Exception {
        CostReport r = estimate("{'text':'gpt-4o-mini vs claude haiku for 100k req/day'}");
        assertThat(r.comparison()).hasSize(2);
        assertThat(r.comparison().get(0).monthlyCostUsd()).isCloseTo(0.000225 * 100_000 * 365 / 12, within(1e-9));
        assertThat(r.comparison().get(0).cheapest()).isTrue();
        assertThat(r.comparison().get(0).ttftMs()).isNull();
    }

    @Test
    void theAssumptionNamesThePricesAndAnOldPriceIsFlagged() throws Exception {
        CostReport r = estimate("{'inference':{'requestsPerDay':1000,'hostedApi':'openai-gpt-4o-mini','workload':'batch'}}");
        assertThat(r.assumptions()).anyMatch(a -> a.name().equals("inference.hostedApi")
                && a.reason().startsWith("GPT-4o mini from openai at its list prices: $0.15 input, $0.6 output per 1M "
                        + "tokens, batch tier; OpenAI API pricing page"));
        assertThat(r.hostedApi().batch()).isTrue();
        assertThat(r.hostedApi().costPerRequestUsd()).isCloseTo(0.000225 * 0.5, within(1e-12));
        assertThat(r.warnings()).noneMatch(w -> w.contains("date from")); // re-dated 2026-07-24 from LiteLLM's map
        // GPT-4.1 mini's price page was read 2025-04-14: more than 12 months before the catalog.
        CostReport old = estimate("{'inference':{'requestsPerDay':1000,'hostedApi':'openai-gpt-4.1-mini'}}");
        assertThat(old.warnings()).anyMatch(w -> w.startsWith("Prices of hosted API 'openai-gpt-4.1-mini' date from 2025-04-14"));
        CostReport fresh = estimate("{'inference':{'requestsPerDay':1000,'hostedApi':'anthropic-claude-opus-5'}}");
        assertThat(fresh.warnings()).isEmpty();
        assertThat(fresh.assumptions()).anyMatch(a -> a.name().equals("inference.hostedApi")
                && !a.reason().contains("batch tier"));
    }

    @Test
    void trafficIsCappedWhereTheEngineCapsIt() throws Exception {
        // 1e11 requests a day doubling monthly passes 1e12 in the fifth month; from then on it is billed at the cap.
        CostReport r = estimate("{'inference':{'requestsPerDay':1e11,'monthlyGrowth':1,'hostedApi':'openai-gpt-4o-mini'},"
                + "'horizonMonths':6}");
        double perDayMonth = 0.000225 * 365 / 12;
        double expected = perDayMonth * (1e11 + 2e11 + 4e11 + 8e11 + 1e12 + 1e12);
        assertThat(r.hostedApi().totalUsd()).isCloseTo(expected, within(expected * 1e-12));
        assertThat(r.warnings()).contains("Traffic growth is capped at 1e12 requests per day.");
        CostReport under = estimate("{'inference':{'requestsPerDay':1e11,'monthlyGrowth':1,'hostedApi':'openai-gpt-4o-mini'},"
                + "'horizonMonths':3}");
        assertThat(under.warnings()).noneMatch(w -> w.startsWith("Traffic growth"));
    }
}
