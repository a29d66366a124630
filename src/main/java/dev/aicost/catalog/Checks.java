package dev.aicost.catalog;

/** Argument checks whose messages carry the offending value. */
public final class Checks {
    private Checks() {
    }

    public static double positive(double value, String what) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a positive finite number, got " + value);
        }
        return value;
    }
}
