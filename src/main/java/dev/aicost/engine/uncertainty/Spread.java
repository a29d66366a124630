package dev.aicost.engine.uncertainty;

import dev.aicost.report.Range;
import java.util.function.DoubleUnaryOperator;

/** One figure's spread in log space; each source adds the figure at its P10 and at its P90. */
final class Spread {
    private double centre;
    private double variance;

    Spread add(double point, double atLow, double atHigh) {
        if (point > 0 && atLow > 0 && atHigh > 0 && Double.isFinite(atLow) && Double.isFinite(atHigh)) {
            double a = Math.log(atLow / point);
            double b = Math.log(atHigh / point);
            centre += (a + b) / 2;
            variance += (b - a) * (b - a) / 4;
        }
        return this;
    }

    Spread add(Factors f) {
        return add(1, f.p10(), f.p90());
    }

    double low() {
        return Math.exp(centre - Math.sqrt(variance));
    }

    double high() {
        return Math.exp(centre + Math.sqrt(variance));
    }

    /** The range around a reported value, rounded as the value is and never leaving it out. */
    Range around(double shown, DoubleUnaryOperator round) {
        if (!(shown > 0)) {
            return new Range(0, 0);
        }
        double lo = round.applyAsDouble(shown * low());
        double hi = round.applyAsDouble(shown * high());
        return new Range(Math.min(lo, shown), Math.max(hi, shown));
    }
}
