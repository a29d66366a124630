package dev.aicost.engine.billing;

import dev.aicost.engine.core.Num;
import dev.aicost.request.InferenceInput.Scaling;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Where the break-even search looks, by hand: an always-on fleet of one-L4 replicas paying $0.80 an
 * accelerator-hour and $787.50 of operations a month costs at least low · r + operations and at most
 * high · r + steps + operations at r requests a day.
 */
class BreakEvenBracketTest {
    static final Fleet.Pricing PAYG = new Fleet.Pricing(0.8, 0, null, Double.NaN, 787.5, Double.NaN);

    @Test
    void theBracketIsWhereTheApisCostCrossesTheTwoLines() {
        Fleet f = BreakEvenTest.fleet(BreakEvenTest.FLAT, Scaling.ALWAYS_ON, 1, PAYG);
        double low = CostBounds.lowSlopeUsd(f);
        double high = CostBounds.highSlopeUsd(f);
        double steps = CostBounds.stepsUsd(f);
        // One replica of one accelerator, 730 h at $0.80: the most whole replicas add above the line.
        assertThat(steps).isCloseTo(730 * 0.8, within(1e-9));
        double api = high * 3; // $ a month per request a day
        BreakEven.Bracket b = BreakEven.bracket(f, api);
        assertThat(b.from()).isCloseTo(787.5 / (api - low), within(1e-9));
        assertThat(b.to()).isCloseTo((787.5 + steps) / (api - high), within(1e-9));
        assertThat(b.from()).isLessThanOrEqualTo(b.to());
        // The answer of the search lies between them.
        Double answer = BreakEven.requestsPerDay(f, api / Num.DAYS_PER_MONTH);
        assertThat(answer).isBetween(b.from(), b.to());
    }

    @Test
    void anApiBetweenTheSlopesHasNoUpperCrossing() {
        // A committed baseline at $0.50 bursting at $0.80: the lower line at the baseline's rate, the upper at
        // the burst's.
        Fleet f = BreakEvenTest.fleet(BreakEvenTest.SPIKY, Scaling.AUTOSCALE, 0,
                new Fleet.Pricing(0.5, 12, null, 0.8, 787.5, Double.NaN));
        double low = CostBounds.lowSlopeUsd(f);
        double high = CostBounds.highSlopeUsd(f);
        assertThat(high).isCloseTo(low * 0.8 / 0.5, within(1e-9));
        BreakEven.Bracket b = BreakEven.bracket(f, (low + high) / 2);
        assertThat(b.to()).isEqualTo(BreakEven.MAX);
        assertThat(b.from()).isCloseTo(787.5 / ((low + high) / 2 - low), within(1e-9));
        assertThat(BreakEven.bracket(f, high).to()).isEqualTo(BreakEven.MAX); // api > high is strict
        // Between the slopes the bursts cost more than the API at the largest traffic: no break-even at all.
        assertThat(BreakEven.requestsPerDay(f, (low + high) / 2 / Num.DAYS_PER_MONTH)).isNull();
        assertThat(BreakEven.bracket(f, high * 1.5).to()).isCloseTo((787.5 + CostBounds.stepsUsd(f))
                / (high * 0.5), within(1e-6));
    }

    @Test
    void anApiAtOrBelowTheLowerSlopeHasNoBracket() {
        Fleet f = BreakEvenTest.fleet(BreakEvenTest.FLAT, Scaling.ALWAYS_ON, 1, PAYG);
        double low = CostBounds.lowSlopeUsd(f);
        assertThat(BreakEven.bracket(f, low)).isNull();
        assertThat(BreakEven.bracket(f, low * 0.5)).isNull();
        assertThat(BreakEven.bracket(f, low * 1.0000001)).isNotNull();
        // A bracket that starts past the largest traffic is no break-even either.
        assertThat(BreakEven.search(f, low * (1 + 1e-12) / Num.DAYS_PER_MONTH).requestsPerDay()).isNull();
    }

    @Test
    void aFleetWithNothingFixedBreaksEvenFromTheFirstRequest() {
        Fleet.Pricing noOps = new Fleet.Pricing(0.8, 0, null, Double.NaN, 0, Double.NaN);
        Fleet f = BreakEvenTest.fleet(BreakEvenTest.FLAT, Scaling.ALWAYS_ON, 1, noOps);
        BreakEven.Bracket b = BreakEven.bracket(f, CostBounds.highSlopeUsd(f) * 2);
        assertThat(b.from()).isZero();
        assertThat(b.to()).isCloseTo(CostBounds.stepsUsd(f) / CostBounds.highSlopeUsd(f), within(1e-9));
    }
}
