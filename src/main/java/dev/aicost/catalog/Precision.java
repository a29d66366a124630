package dev.aicost.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Numeric precision of weights and arithmetic, with its wire name and storage size. */
public enum Precision {
    FP32("fp32", 4.0),
    TF32("tf32", 4.0),
    BF16("bf16", 2.0),
    FP16("fp16", 2.0),
    FP8("fp8", 1.0),
    INT8("int8", 1.0),
    INT4("int4", 0.5);

    private final String wireName;
    private final double bytesPerValue;

    Precision(String wireName, double bytesPerValue) {
        this.wireName = wireName;
        this.bytesPerValue = bytesPerValue;
    }

    public String wireName() {
        return wireName;
    }

    /** Bytes needed to store one weight (or one activation) at this precision. */
    public double bytesPerValue() {
        return bytesPerValue;
    }

    public static Optional<Precision> fromWire(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.wireName.equals(n)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
