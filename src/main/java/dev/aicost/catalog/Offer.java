package dev.aicost.catalog;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/** Where an accelerator can be rented, with its price per accelerator-hour in each pricing mode. */
public record Offer(
        String id,
        String acceleratorId,
        String provider,
        String instance,
        int acceleratorsPerInstance,
        String region,
        Map<PricingMode, Double> pricePerHourUsd,
        boolean isDefault,
        Double maxDays,
        Integer maxInstances,
        Source source) {

    public Offer {
        Objects.requireNonNull(id, "id");
        if (acceleratorsPerInstance < 1) {
            throw new IllegalArgumentException(id + ": acceleratorsPerInstance must be >= 1, got " + acceleratorsPerInstance);
        }
        if (!pricePerHourUsd.containsKey(PricingMode.ON_DEMAND)) {
            throw new IllegalArgumentException(id + ": an on-demand price is required");
        }
        EnumMap<PricingMode, Double> copy = new EnumMap<>(PricingMode.class);
        pricePerHourUsd.forEach((m, v) -> copy.put(m, Checks.positive(v, id + "." + m)));
        pricePerHourUsd = Collections.unmodifiableMap(copy);
    }

    /** Whether one purchase of this offer can run {@code days} (a capacity block cannot run for months). */
    public boolean lasts(double days) {
        return maxDays == null || days <= maxDays;
    }

    public OptionalDouble price(PricingMode mode) {
        Double p = pricePerHourUsd.get(mode);
        return p == null ? OptionalDouble.empty() : OptionalDouble.of(p);
    }
}
