package dev.aicost.request;

import dev.aicost.catalog.ModelSpec;

/** The model: a catalog id, a custom architecture, or an id with fields that override the catalog's. */
public record ModelInput(
        String id,
        String name,
        Double parameters,
        Double activeParameters,
        Integer layers,
        Integer hiddenSize,
        Integer attentionHeads,
        Integer kvHeads,
        Integer headDim,
        Integer vocabSize,
        Integer contextLength,
        Double flopsPerRequest,
        Double weightsBytes,
        ModelSpec.Architecture architecture) {

    /** A catalog id and nothing that overrides its row. */
    public boolean onlyId() {
        return id != null && name == null && parameters == null && activeParameters == null && layers == null
                && hiddenSize == null && attentionHeads == null && kvHeads == null && headDim == null
                && vocabSize == null && contextLength == null && flopsPerRequest == null && weightsBytes == null
                && (architecture == null || architecture.experts() == null && architecture.expertsPerToken() == null
                        && architecture.slidingWindow() == null && architecture.mla() == null);
    }

    public static ModelInput ofId(String id) {
        return new ModelInput(id, null, null, null, null, null, null, null, null, null, null, null, null,
                ModelSpec.Architecture.DENSE);
    }
}
