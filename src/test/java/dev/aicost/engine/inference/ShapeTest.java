package dev.aicost.engine.inference;

import dev.aicost.request.InferenceInput.LatencyTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The replica shape's written-out comparison agrees with the record's own equals. */
class ShapeTest {
    @Test
    void sameIsEquals() {
        List<ReplicaChoice.Shape> shapes = new ArrayList<>();
        LatencyTarget[] targets = {null, new LatencyTarget(null, null, null), new LatencyTarget(2000.0, 50.0, null),
            new LatencyTarget(2000.0, 50.0, null), new LatencyTarget(2000.0, 40.0, null), new LatencyTarget(null, null, 9e3)};
        for (int in : new int[] {800, 1200}) {
            for (double hit : new double[] {0, 0.5, -0.0}) {
                for (LatencyTarget t : targets) {
                    for (Integer batch : new Integer[] {null, 32, Integer.valueOf(32)}) {
                        shapes.add(new ReplicaChoice.Shape(in, 300, hit, t, batch));
                    }
                }
            }
        }
        for (ReplicaChoice.Shape a : shapes) {
            for (ReplicaChoice.Shape b : shapes) {
                assertThat(a.same(b)).as("%s vs %s", a, b).isEqualTo(a.equals(b));
            }
        }
    }
}
