package dev.aicost.catalog;

/** Numeric precision of weights and arithmetic, with its wire name and storage size. */
public enum Precision implements WireName {
    FP32(4.0),
    TF32(4.0),
    BF16(2.0),
    FP16(2.0),
    FP8(1.0),
    INT8(1.0),
    INT4(0.5),
    /** NVFP4/MXFP4: 4-bit floating-point weights and activations with block scales (Blackwell tensor cores). */
    FP4(0.5);

    private final double bytesPerValue;

    Precision(double bytesPerValue) {
        this.bytesPerValue = bytesPerValue;
    }

    /** Bytes needed to store one weight (or one activation) at this precision. */
    public double bytesPerValue() {
        return bytesPerValue;
    }

    @Override
    public String toString() {
        return wireName();
    }
}
