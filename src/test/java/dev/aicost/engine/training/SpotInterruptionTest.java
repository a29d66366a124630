package dev.aicost.engine.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicost.api.Estimator;
import dev.aicost.report.CostReport;
import dev.aicost.report.Optimization;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Spot for training: the hours preemptions cost grow with the instances a synchronous run holds (any one
 * reclaimed stops it), and spot is not offered past a few instances. By hand: 0.2 / 730 interruptions an
 * instance-hour × (0.5 h of work redone + 0.25 h to restart) per instance.
 */
class SpotInterruptionTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static CostReport train(int accelerators, String extra) throws Exception {
        return Estimator.builtIn().estimate(JSON.readTree(("{'model':{'id':'llama-3.1-8b'},'training':{'tokens':1e11,"
                + "'accelerator':'h100-sxm','accelerators':" + accelerators + ",'pricingMode':'spot'" + extra + "}}")
                .replace('\'', '"')));
    }

    static double overhead(CostReport r) {
        return r.training().breakdown().restartOverheadUsd() / r.training().breakdown().computeUsd();
    }

    @Test
    void theOverheadGrowsWithTheInstancesOfASynchronousRun() throws Exception {
        double perInstance = 0.2 / 730 * (0.5 + 0.25);
        // 8 H100s: one p5.48xlarge; 32: four of them.
        // (to the cent the breakdown is rounded to)
        assertThat(overhead(train(8, ""))).isCloseTo(perInstance, within(perInstance * 1e-3));
        assertThat(overhead(train(32, ""))).isCloseTo(4 * perInstance, within(perInstance * 4e-3));
        assertThat(train(32, "").assumptions()).anyMatch(a -> a.name().equals("training.spotRestartOverhead")
                && a.reason().contains("4 instances") && a.reason().contains("Spot Instance Advisor"));
        // The request's own figure wins.
        assertThat(overhead(train(32, ",'spotRestartOverhead':0.3"))).isCloseTo(0.3, within(1e-4));
    }

    @Test
    void spotIsNotOfferedForALargeSynchronousRun() throws Exception {
        CostReport lab = Estimator.builtIn().estimate(JSON.readTree(Files.readString(
                Path.of("infra/events/pretraining-lab.json"))));
        Optimization spot = lab.optimizations().stream().filter(o -> o.lever().equals("spot-training")).findFirst()
                .orElseThrow();
        assertThat(lab.training().cluster().accelerators()).isGreaterThan(4 * 8);
        assertThat(spot.applicable()).isFalse();
        assertThat(spot.notApplicableReason()).contains("stalls whenever one is reclaimed")
                .contains("up to 4 instances");
        assertThat(lab.bestPlan().levers()).doesNotContain("spot-training");
        // Asked for anyway, it is priced and warned about.
        CostReport big = train(64, "");
        assertThat(big.warnings()).anyMatch(w -> w.contains("spot is not recommended for a synchronous run on 8 "
                + "instances"));
    }
}
