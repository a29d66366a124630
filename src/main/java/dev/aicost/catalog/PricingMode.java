package dev.aicost.catalog;

/** How accelerator-hours are bought. OWNED amortises purchased hardware and pays for power. */
public enum PricingMode implements WireName {
    ON_DEMAND,
    SPOT,
    COMMIT_1Y,
    COMMIT_3Y,
    OWNED;

    @Override
    public String toString() {
        return wireName();
    }
}
