package dev.aicost.catalog;

import java.util.Objects;

/**
 * A hosted model API's list prices in USD per million tokens.
 *
 * @param servesModel the catalog model it serves (null: a model the catalog does not describe)
 * @param cacheWritePerMillionUsd what an input token costs the first time it is written to the prompt
 *        cache (Anthropic charges a premium; the input price where there is none)
 * @param batchPriceFraction the share of the list price its asynchronous batch tier charges (null: none)
 * @param imported read from a maintained price map (hosted-apis-litellm.psv) rather than sourced by hand:
 *        listed in comparisons only where it serves the same model
 */
public record HostedApi(
        String id,
        String provider,
        String model,
        String servesModel,
        double inputPerMillionUsd,
        double cachedInputPerMillionUsd,
        double cacheWritePerMillionUsd,
        double outputPerMillionUsd,
        Double batchPriceFraction,
        boolean openWeights,
        Source source,
        boolean imported) {

    /** A hand-sourced row. */
    public HostedApi(String id, String provider, String model, String servesModel, double inputPerMillionUsd,
            double cachedInputPerMillionUsd, double cacheWritePerMillionUsd, double outputPerMillionUsd,
            Double batchPriceFraction, boolean openWeights, Source source) {
        this(id, provider, model, servesModel, inputPerMillionUsd, cachedInputPerMillionUsd, cacheWritePerMillionUsd,
                outputPerMillionUsd, batchPriceFraction, openWeights, source, false);
    }

    public HostedApi {
        Objects.requireNonNull(id, "id");
        Checks.positive(inputPerMillionUsd, id + ".input");
        Checks.positive(cachedInputPerMillionUsd, id + ".cachedInput");
        Checks.positive(outputPerMillionUsd, id + ".output");
        Checks.positive(cacheWritePerMillionUsd, id + ".cacheWrite");
        if (batchPriceFraction != null && !(batchPriceFraction > 0 && batchPriceFraction <= 1)) {
            throw new IllegalArgumentException(id + ": batch price fraction must be in (0, 1], got " + batchPriceFraction);
        }
        if (cachedInputPerMillionUsd > inputPerMillionUsd) {
            throw new IllegalArgumentException(id + ": cached input price " + cachedInputPerMillionUsd
                    + " exceeds the input price " + inputPerMillionUsd);
        }
    }
}
