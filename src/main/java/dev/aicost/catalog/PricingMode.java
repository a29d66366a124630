package dev.aicost.catalog;

import java.util.Arrays;
import java.util.Optional;

/** How accelerator-hours are bought. OWNED amortises purchased hardware and pays for power. */
public enum PricingMode {
    ON_DEMAND("on-demand"),
    SPOT("spot"),
    COMMIT_1Y("commit-1y"),
    COMMIT_3Y("commit-3y"),
    OWNED("owned");

    private final String wireName;

    PricingMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<PricingMode> fromWire(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
