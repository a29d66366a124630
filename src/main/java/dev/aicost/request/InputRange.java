package dev.aicost.request;

/**
 * A value the caller is unsure of, sent as {@code {"low": …, "high": …}}: read as the caller's
 * P10 and P90. The point estimate uses the midpoint in log space of the quantity the cost is
 * proportional to (see {@link #geometricMidpoint}, {@link #growthMidpoint}, {@link #hitRateMidpoint}).
 */
public record InputRange(double low, double high) {
    public InputRange {
        if (!(low <= high)) {
            throw new IllegalArgumentException("low " + low + " is above high " + high);
        }
    }

    /** Requests per day: √(low · high). */
    public double geometricMidpoint() {
        return Math.sqrt(low * high);
    }

    /** A monthly growth rate: the midpoint of the growth factors, √((1 + low)(1 + high)) − 1. */
    public double growthMidpoint() {
        return Math.sqrt((1 + low) * (1 + high)) - 1;
    }

    /** A cache hit rate: the midpoint of the miss rates (what the fleet serves), 1 − √((1 − low)(1 − high)). */
    public double hitRateMidpoint() {
        return 1 - Math.sqrt((1 - low) * (1 - high));
    }
}
