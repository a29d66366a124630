package dev.aicost.report;

/** The model the report is about, as resolved (catalog row, request overrides, derived fields). */
public record ModelSummary(
        String id,
        String name,
        String kind,
        double parameters,
        double activeParameters,
        boolean mixtureOfExperts,
        Integer layers,
        Integer hiddenSize,
        Integer kvHeads,
        Integer headDim,
        Integer contextLength) {
}
