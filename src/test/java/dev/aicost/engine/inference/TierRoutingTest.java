package dev.aicost.engine.inference;

import dev.aicost.request.InferenceInput.LatencyTarget;
import dev.aicost.request.InferenceInput.Tier;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** How tier fleets pass requests on, and the target a shared fleet is held to, worked by hand. */
class TierRoutingTest {
    static Tier tier(String name, double share, LatencyTarget target) {
        return new Tier(name, share, target, null);
    }

    @Test
    void eachFleetPassesOnTheLaterTiersShareOfWhatReachesIt() {
        // 20 % / 30 % / 50 %: the first fleet keeps 20 of 100 and passes 80 (0.8); the second keeps 30 of
        // those 80 and passes 50 (0.625); the last passes nothing.
        double[] passed = Tiers.passedOn(List.of(tier("a", 0.2, null), tier("b", 0.3, null), tier("c", 0.5, null)));
        assertThat(passed[0]).isCloseTo(0.8, within(1e-12));
        assertThat(passed[1]).isCloseTo(0.625, within(1e-12));
        assertThat(passed[2]).isZero();
        assertThat(Tiers.passedOn(List.of(tier("only", 1.0, null)))).containsExactly(0.0);
        double[] two = Tiers.passedOn(List.of(tier("a", 0.9, null), tier("b", 0.1, null)));
        assertThat(two[0]).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void theStrictestTargetIsTakenFigureByFigure() {
        LatencyTarget request = new LatencyTarget(2000.0, null, 9000.0);
        List<Tier> tiers = List.of(tier("gold", 0.3, new LatencyTarget(500.0, 40.0, null)),
                tier("silver", 0.3, new LatencyTarget(1000.0, 20.0, null)), tier("basic", 0.4, null));
        LatencyTarget t = Tiers.strictest(request, tiers);
        assertThat(t.ttftMs()).isEqualTo(500.0); // gold's
        assertThat(t.tpotMs()).isEqualTo(20.0); // silver's
        assertThat(t.e2eMs()).isEqualTo(9000.0); // basic has none of its own: the request's
        assertThat(Tiers.strictest(null, List.of(tier("a", 1.0, null)))).isNull();
        LatencyTarget only = new LatencyTarget(null, 50.0, null);
        assertThat(Tiers.strictest(only, List.of(tier("a", 1.0, null)))).isEqualTo(only);
    }
}
