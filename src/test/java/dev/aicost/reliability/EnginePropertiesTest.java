package dev.aicost.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.api.Estimator;
import dev.aicost.report.CostReport;
import dev.aicost.request.InvalidRequestException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;


/**
 * Properties of the engine over hundreds of generated requests each (seeded: a failure names the
 * seed and the request). A structured refusal (e.g. a model that does not fit) is a valid outcome;
 * every property asserts that most cases did produce reports.
 */
class EnginePropertiesTest {
    static final Estimator ENGINE = Estimator.builtIn();
    static final int TRIES = 300;

    interface Check {
        /** Returns false when a case was refused (so it does not count). */
        boolean run(long seed, ObjectNode request) throws Exception;
    }

    static void forAll(String name, LongFunction<ObjectNode> generator, Check check) {
        int counted = 0;
        for (long seed = 1; seed <= TRIES; seed++) {
            ObjectNode request = generator.apply(seed * 7919L + name.hashCode());
            try {
                if (check.run(seed, request)) {
                    counted++;
                }
            } catch (AssertionError | Exception e) {
                throw new AssertionError(name + " failed for seed " + seed + ", request " + request + ": "
                        + e.getMessage(), e);
            }
        }
        assertThat(counted).as(name + ": cases that produced reports").isGreaterThan(TRIES / 2);
    }

    static CostReport estimate(JsonNode request) {
        try {
            return ENGINE.estimate(request);
        } catch (InvalidRequestException e) {
            assertThat(e.problems()).isNotEmpty();
            assertThat(e.toString()).startsWith("{\"error\":\"INVALID_REQUEST\"");
            return null;
        }
    }

    @Test
    void reportsAreFiniteNonNegativeAndAddUp() {
        forAll("training", Generated::training, (s, r) -> check(estimate(r)));
        forAll("inference", Generated::inference, (s, r) -> check(estimate(r)));
        forAll("both", Generated::both, (s, r) -> check(estimate(r)));
    }

    /** What a plan trains is its own model: no best plan buys its requests from an API selling stock weights. */
    @Test
    void aTrainedModelIsNeverBoughtFromAStockWeightApi() {
        forAll("trained and served", Generated::both, (s, r) -> {
            CostReport report = estimate(r);
            if (report == null) {
                return false;
            }
            assertThat(report.training()).isNotNull();
            if (report.bestPlan() != null) {
                assertThat(report.bestPlan().levers()).doesNotContain("hosted-api", "batch-api");
            }
            report.optimizations().stream().filter(o -> o.lever().equals("hosted-api") || o.lever().equals("batch-api"))
                    .forEach(o -> assertThat(o.applicable()).as(o.change()).isFalse());
            return true;
        });
    }

    private static boolean check(CostReport r) {
        if (r == null) {
            return false;
        }
        ReportChecks.check(ReportChecks.JSON.valueToTree(r));
        return true;
    }

    @Test
    void theSameRequestGivesByteIdenticalReports() {
        forAll("deterministic", Generated::both, (s, r) -> {
            CostReport a = estimate(r);
            if (a == null) {
                return false;
            }
            assertThat(ReportChecks.JSON.writeValueAsString(ENGINE.estimate(r.deepCopy())))
                    .isEqualTo(ReportChecks.JSON.writeValueAsString(a));
            return true;
        });
    }

    /** Two variants of each generated request: the check compares their reports. */
    static void compare(String name, LongFunction<ObjectNode> generator, Consumer<ObjectNode> first,
            Consumer<ObjectNode> second, BiConsumer<CostReport, CostReport> check) {
        forAll(name, generator, (s, r) -> {
            ObjectNode a = r.deepCopy();
            first.accept(a);
            ObjectNode b = r.deepCopy();
            second.accept(b);
            CostReport ra = estimate(a);
            CostReport rb = estimate(b);
            if (ra == null || rb == null) {
                return false;
            }
            check.accept(ra, rb);
            return true;
        });
    }

    static ObjectNode section(ObjectNode request, String name) {
        return (ObjectNode) request.get(name);
    }

    @Test
    void moreTokensCostMore() {
        compare("tokens", Generated::training, r -> { },
                r -> section(r, "training").put("tokens", r.at("/training/tokens").asDouble() * 2), (base, doubled) -> {
                    assertThat(doubled.training().duration().acceleratorHours()).isGreaterThan(base.training().duration().acceleratorHours());
                    assertThat(doubled.training().costUsd()).isGreaterThanOrEqualTo(base.training().costUsd());
                });
    }

    @Test
    void moreAcceleratorsFinishSoonerAtAboutTheSameAcceleratorHours() {
        compare("accelerators", Generated::training, r -> section(r, "training").put("accelerators", 64),
                r -> section(r, "training").put("accelerators", 128), (small, big) -> {
                    assertThat(big.training().duration().wallClockDays()).isLessThan(small.training().duration().wallClockDays());
                    assertThat(big.training().duration().acceleratorHours()).isCloseTo(small.training().duration().acceleratorHours(),
                            within(small.training().duration().acceleratorHours() * 0.01));
                });
    }

    @Test
    void moreTrafficCostsMore() {
        compare("traffic", Generated::inference, r -> { }, r -> section(r, "inference").put("requestsPerDay",
                Math.min(1e12, r.at("/inference/requestsPerDay").asDouble() * 3)), (base, tripled) -> {
                    assertThat(tripled.inference().cost().monthlyCostUsd())
                            .isGreaterThanOrEqualTo(base.inference().cost().monthlyCostUsd());
                    assertThat(tripled.lifecycle().inferenceUsd()).isGreaterThanOrEqualTo(base.lifecycle().inferenceUsd());
                });
    }

    @Test
    void aHigherCacheHitRateNeverCostsMore() {
        compare("cache", Generated::inference, r -> section(r, "inference").put("cacheHitRate", 0.1),
                r -> section(r, "inference").put("cacheHitRate", 0.6), (low, high) -> assertThat(
                        high.lifecycle().inferenceUsd()).isLessThanOrEqualTo(low.lifecycle().inferenceUsd()));
    }

    @Test
    void aTighterLatencyTargetNeverCostsLess() {
        compare("latency", Generated::inference,
                r -> section(r, "inference").putObject("latencyTargetMs").put("tpotMs", 100).put("ttftMs", 5000),
                r -> section(r, "inference").putObject("latencyTargetMs").put("tpotMs", 25).put("ttftMs", 1000),
                (loose, tight) -> assertThat(tight.lifecycle().inferenceUsd())
                        .isGreaterThanOrEqualTo(loose.lifecycle().inferenceUsd()));
    }

    @Test
    void aCheaperPriceGivesACheaperReport() {
        compare("price", Generated::both, r -> price(r, 4.0), r -> price(r, 2.0), (dear, cheap) -> assertThat(
                cheap.lifecycle().totalUsd()).isLessThan(dear.lifecycle().totalUsd()));
    }

    private static void price(ObjectNode r, double usd) {
        section(r, "inference").put("pricePerAcceleratorHourUsd", usd);
        section(r, "training").put("pricePerAcceleratorHourUsd", usd).remove("pricingMode");
    }
}
