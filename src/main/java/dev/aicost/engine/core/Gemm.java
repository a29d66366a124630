package dev.aicost.engine.core;

/**
 * What a faster number format buys a step: only its matrix multiplies (GEMMs) run at the format's rate, the
 * rest (memory-bound work, attention kept at a wider format, communication) does not. Training's FP8 gain and
 * serving's FP4 gain are both this Amdahl sum.
 */
public final class Gemm {
    /** The share of peak large GEMMs reach; a step at a lower share spends the rest outside GEMMs. */
    public static final double EFFICIENCY = 0.75;
    /** The share of a faster format's peak-rate ratio its GEMMs realise (FP8 GEMMs 1.8× bf16's, not 2×). */
    public static final double RATE_REALISED = 0.9;

    private Gemm() {
    }

    /** A step's speed-up when its {@code gemmShare} of the time runs {@code gemmSpeedup} times faster. */
    public static double stepSpeedup(double gemmShare, double gemmSpeedup) {
        return 1.0 / (gemmShare / gemmSpeedup + (1.0 - gemmShare));
    }
}
