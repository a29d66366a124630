package dev.aicost.request;

/**
 * A validated estimate request. Built only by {@link RequestReader}, which checks every field;
 * a null field was not sent and gets a default that the report states in its assumptions.
 */
public record EstimateRequest(
        ModelInput model,
        TrainingInput training,
        InferenceInput inference,
        Integer horizonMonths,
        Double monthlyBudgetUsd,
        Double priceDeclinePerYear,
        String region,
        Stage stage,
        Boolean platform) {

    /** The same request with another training plan. */
    public EstimateRequest withTraining(TrainingInput v) {
        return new EstimateRequest(model, v, inference, horizonMonths, monthlyBudgetUsd, priceDeclinePerYear, region,
                stage, platform);
    }

    /** The same request with another serving plan. */
    public EstimateRequest withInference(InferenceInput v) {
        return new EstimateRequest(model, training, v, horizonMonths, monthlyBudgetUsd, priceDeclinePerYear, region,
                stage, platform);
    }

    /** What the team is doing with the model; it steers the advice. */
    public enum Stage implements dev.aicost.catalog.WireName {
        RESEARCH, PRODUCTION
    }
}
