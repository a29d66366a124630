package dev.aicost.catalog;

import java.util.Objects;

/**
 * A model's size and architecture. LLMs carry their transformer shape; other models
 * (kind {@link ModelKind#OTHER}) carry FLOPs per request and weight bytes instead.
 */
public record ModelSpec(
        String id,
        String name,
        ModelKind kind,
        double parameters,
        double activeParameters,
        int layers,
        int hiddenSize,
        int attentionHeads,
        int kvHeads,
        int headDim,
        int vocabSize,
        int contextLength,
        double flopsPerRequest,
        double weightsBytes,
        Source source) {

    public ModelSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Checks.positive(parameters, id + ".parameters");
        Checks.positive(activeParameters, id + ".activeParameters");
        if (activeParameters > parameters * 1.0000001) {
            throw new IllegalArgumentException(id + ": activeParameters " + activeParameters
                    + " exceeds parameters " + parameters);
        }
        if (kind == ModelKind.LLM) {
            for (int v : new int[] {layers, hiddenSize, attentionHeads, kvHeads, headDim, vocabSize, contextLength}) {
                if (v < 1) {
                    throw new IllegalArgumentException(id + ": every architecture field must be >= 1");
                }
            }
        } else {
            Checks.positive(flopsPerRequest, id + ".flopsPerRequest");
            Checks.positive(weightsBytes, id + ".weightsBytes");
        }
    }

    public boolean mixtureOfExperts() {
        return activeParameters < parameters * 0.98;
    }

    /** KV-cache values per token and layer: keys and values for every KV head. */
    public double kvValuesPerTokenPerLayer() {
        return 2.0 * kvHeads * headDim;
    }
}
