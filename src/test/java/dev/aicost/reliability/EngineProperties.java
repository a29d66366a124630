package dev.aicost.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.engine.CostEngine;
import dev.aicost.report.CostReport;
import dev.aicost.request.InvalidRequestException;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Properties of the engine over hundreds of generated requests each (seeded: a failure names the
 * seed and the request). A structured refusal (e.g. a model that does not fit) is a valid outcome;
 * every property asserts that most cases did produce reports.
 */
class EngineProperties {
    static final CostEngine ENGINE = CostEngine.builtIn();
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

    @Test
    void moreTokensCostMore() {
        forAll("tokens", Generated::training, (s, r) -> {
            CostReport base = estimate(r);
            ObjectNode more = r.deepCopy();
            ((ObjectNode) more.get("training")).put("tokens", r.at("/training/tokens").asDouble() * 2);
            CostReport doubled = estimate(more);
            if (base == null || doubled == null) {
                return false;
            }
            assertThat(doubled.training().acceleratorHours()).isGreaterThan(base.training().acceleratorHours());
            assertThat(doubled.training().costUsd()).isGreaterThanOrEqualTo(base.training().costUsd());
            return true;
        });
    }

    @Test
    void moreAcceleratorsFinishSoonerAtAboutTheSameAcceleratorHours() {
        forAll("accelerators", Generated::training, (s, r) -> {
            ObjectNode a = r.deepCopy();
            ((ObjectNode) a.get("training")).put("accelerators", 64);
            ObjectNode b = r.deepCopy();
            ((ObjectNode) b.get("training")).put("accelerators", 128);
            CostReport small = estimate(a);
            CostReport big = estimate(b);
            if (small == null || big == null) {
                return false;
            }
            assertThat(big.training().wallClockDays()).isLessThan(small.training().wallClockDays());
            assertThat(big.training().acceleratorHours()).isCloseTo(small.training().acceleratorHours(),
                    within(small.training().acceleratorHours() * 0.01));
            return true;
        });
    }

    @Test
    void moreTrafficCostsMore() {
        forAll("traffic", Generated::inference, (s, r) -> {
            CostReport base = estimate(r);
            ObjectNode more = r.deepCopy();
            ((ObjectNode) more.get("inference")).put("requestsPerDay",
                    Math.min(1e12, r.at("/inference/requestsPerDay").asDouble() * 3));
            CostReport tripled = estimate(more);
            if (base == null || tripled == null) {
                return false;
            }
            assertThat(tripled.inference().monthlyCostUsd()).isGreaterThanOrEqualTo(base.inference().monthlyCostUsd());
            assertThat(tripled.lifecycle().inferenceUsd()).isGreaterThanOrEqualTo(base.lifecycle().inferenceUsd());
            return true;
        });
    }

    @Test
    void aHigherCacheHitRateNeverCostsMore() {
        forAll("cache", Generated::inference, (s, r) -> {
            ObjectNode low = r.deepCopy();
            ((ObjectNode) low.get("inference")).put("cacheHitRate", 0.1);
            ObjectNode high = r.deepCopy();
            ((ObjectNode) high.get("inference")).put("cacheHitRate", 0.6);
            CostReport a = estimate(low);
            CostReport b = estimate(high);
            if (a == null || b == null) {
                return false;
            }
            assertThat(b.lifecycle().inferenceUsd()).isLessThanOrEqualTo(a.lifecycle().inferenceUsd());
            return true;
        });
    }

    @Test
    void aTighterLatencyTargetNeverCostsLess() {
        forAll("latency", Generated::inference, (s, r) -> {
            ObjectNode loose = r.deepCopy();
            ((ObjectNode) loose.get("inference")).putObject("latencyTargetMs").put("tpotMs", 100).put("ttftMs", 5000);
            ObjectNode tight = r.deepCopy();
            ((ObjectNode) tight.get("inference")).putObject("latencyTargetMs").put("tpotMs", 25).put("ttftMs", 1000);
            CostReport a = estimate(loose);
            CostReport b = estimate(tight);
            if (a == null || b == null) {
                return false;
            }
            assertThat(b.lifecycle().inferenceUsd()).isGreaterThanOrEqualTo(a.lifecycle().inferenceUsd());
            return true;
        });
    }

    @Test
    void aCheaperPriceGivesACheaperReport() {
        forAll("price", Generated::both, (s, r) -> {
            ObjectNode dear = r.deepCopy();
            ((ObjectNode) dear.get("inference")).put("pricePerAcceleratorHourUsd", 4.0);
            ((ObjectNode) dear.get("training")).put("pricePerAcceleratorHourUsd", 4.0).remove("pricingMode");
            ObjectNode cheap = r.deepCopy();
            ((ObjectNode) cheap.get("inference")).put("pricePerAcceleratorHourUsd", 2.0);
            ((ObjectNode) cheap.get("training")).put("pricePerAcceleratorHourUsd", 2.0).remove("pricingMode");
            CostReport a = estimate(dear);
            CostReport b = estimate(cheap);
            if (a == null || b == null) {
                return false;
            }
            assertThat(b.lifecycle().totalUsd()).isLessThan(a.lifecycle().totalUsd());
            return true;
        });
    }
}
