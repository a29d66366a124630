package dev.aicost.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.report.CostReport;
import dev.aicost.report.Range;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ranges over hundreds of generated requests: they hold their point, move with a price and never vary. */
class RangePropertiesTest {

    @Test
    void everyRangeHoldsItsPointValue() {
        EnginePropertiesTest.forAll("training ranges", Generated::training, (s, r) -> holds(EnginePropertiesTest.estimate(r)));
        EnginePropertiesTest.forAll("inference ranges", Generated::inference, (s, r) -> holds(EnginePropertiesTest.estimate(r)));
        EnginePropertiesTest.forAll("both ranges", Generated::both, (s, r) -> holds(EnginePropertiesTest.estimate(r)));
        EnginePropertiesTest.forAll("uncertain inputs", Generated::uncertain,
                (s, r) -> holds(EnginePropertiesTest.estimate(r)));
    }

    static boolean holds(CostReport r) {
        if (r == null) {
            return false;
        }
        if (r.training() != null) {
            var t = r.training();
            assertThat(t.ranges()).isNotNull();
            inside("training.acceleratorHours", t.ranges().acceleratorHours(), t.duration().acceleratorHours());
            inside("training.wallClockDays", t.ranges().wallClockDays(), t.duration().wallClockDays());
            inside("training.costUsd", t.ranges().costUsd(), t.costUsd());
        }
        if (r.inference() != null) {
            var i = r.inference();
            assertThat(i.ranges()).isNotNull();
            inside("inference.tokensPerSecondPerAccelerator", i.ranges().tokensPerSecondPerAccelerator(),
                    i.point().tokensPerSecondPerAccelerator());
            inside("inference.ttftMs", i.ranges().ttftMs(), i.point().ttftMs());
            inside("inference.tpotMs", i.ranges().tpotMs(), i.point().tpotMs());
            inside("inference.monthlyCostUsd", i.ranges().monthlyCostUsd(), i.cost().monthlyCostUsd());
            inside("inference.costPerRequestUsd", i.ranges().costPerRequestUsd(), i.cost().costPerRequestUsd());
        }
        var life = r.lifecycle();
        inside("lifecycle.totalUsd", life.ranges().totalUsd(), life.totalUsd());
        var months = life.breakEvenMonthRange();
        if (life.breakEvenMonth() == null) {
            assertThat(months).as("no break-even, no range").isNull();
        } else if (months != null) {
            assertThat(months.earliest()).isBetween(1, life.breakEvenMonth());
            if (months.latest() != null) {
                assertThat(months.latest()).isBetween(life.breakEvenMonth(), life.horizonMonths());
            }
        }
        return true;
    }

    private static void inside(String what, Range range, double point) {
        assertThat(range).as(what).isNotNull();
        assertThat(range.p10()).as(what + ".p10 ≤ " + point).isLessThanOrEqualTo(point);
        assertThat(range.p90()).as(what + ".p90 ≥ " + point).isGreaterThanOrEqualTo(point);
        assertThat(Double.isFinite(range.p90())).as(what).isTrue();
    }

    @Test
    void aRequestThatGivesThePriceHasNoPriceSpread() {
        EnginePropertiesTest.forAll("given price", Generated::both, (s, r) -> {
            ObjectNode t = (ObjectNode) r.get("training");
            ObjectNode i = (ObjectNode) r.get("inference");
            for (ObjectNode section : new ObjectNode[] {t, i}) { // owned hardware has no offer price to give
                if (section.path("pricingMode").asText().equals("owned")) {
                    section.put("pricingMode", "on-demand");
                }
            }
            i.remove("hostedApi"); // nor has a hosted API
            t.put("pricePerAcceleratorHourUsd", 2.5);
            i.put("pricePerAcceleratorHourUsd", 2.5);
            CostReport report = EnginePropertiesTest.estimate(r);
            if (report == null) {
                return false;
            }
            Map<String, String> assumed = new java.util.HashMap<>();
            report.assumptions().forEach(a -> assumed.put(a.name(), a.value()));
            assertThat(assumed).containsEntry("ranges.training.price", "none").containsEntry("ranges.inference.price",
                    "none");
            // With no price spread the training cost moves exactly as its accelerator-hours do.
            var tr = report.training();
            double hoursLow = tr.ranges().acceleratorHours().p10() / tr.duration().acceleratorHours();
            double costLow = tr.ranges().costUsd().p10() / tr.costUsd();
            assertThat(costLow).isCloseTo(hoursLow, org.assertj.core.data.Offset.offset(0.002));
            return true;
        });
    }

    @Test
    void theSameRequestGivesTheSameRanges() {
        EnginePropertiesTest.forAll("ranges deterministic", Generated::uncertain, (s, r) -> {
            CostReport a = EnginePropertiesTest.estimate(r);
            if (a == null) {
                return false;
            }
            JsonNode again = ReportChecks.JSON.valueToTree(EnginePropertiesTest.ENGINE.estimate(r.deepCopy()));
            JsonNode first = ReportChecks.JSON.valueToTree(a);
            for (String section : new String[] {"inference", "lifecycle"}) {
                assertThat(again.get(section).get("ranges")).isEqualTo(first.get(section).get("ranges"));
            }
            assertThat(again).isEqualTo(first);
            return true;
        });
    }
}
