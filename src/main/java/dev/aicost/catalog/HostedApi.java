package dev.aicost.catalog;

import java.util.Objects;

/** A hosted model API's list prices in USD per million tokens. */
public record HostedApi(
        String id,
        String provider,
        String model,
        double inputPerMillionUsd,
        double cachedInputPerMillionUsd,
        double outputPerMillionUsd,
        boolean openWeights,
        Source source) {

    public HostedApi {
        Objects.requireNonNull(id, "id");
        Checks.positive(inputPerMillionUsd, id + ".input");
        Checks.positive(cachedInputPerMillionUsd, id + ".cachedInput");
        Checks.positive(outputPerMillionUsd, id + ".output");
        if (cachedInputPerMillionUsd > inputPerMillionUsd) {
            throw new IllegalArgumentException(id + ": cached input price " + cachedInputPerMillionUsd
                    + " exceeds the input price " + inputPerMillionUsd);
        }
    }
}
