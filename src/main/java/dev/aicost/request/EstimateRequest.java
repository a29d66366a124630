package dev.aicost.request;

import dev.aicost.catalog.WireName;
import java.util.List;

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
        Boolean platform,
        Ownership ownership,
        Actuals actuals) {

    /** Spend as billed, month by month (from a cloud bill export), to compare with the estimate. */
    public record Actuals(List<ActualMonth> months) {
    }

    /** One billed month: training and inference spend, and the requests served (optional). */
    public record ActualMonth(int month, double trainingUsd, double inferenceUsd, Double requests) {
    }

    /** What owned hardware costs besides its price: every part optional, defaults stated by the engine. */
    public record Ownership(Double lifeYears, Double serverAndNetworkFraction, Double systemPowerFactor,
            Double facilityUsdPerKwMonth, Double costOfCapitalPerYear, Double trainingUtilization) {
        public static final Ownership NONE = new Ownership(null, null, null, null, null, null);
    }

    /** The same request with another training plan. */
    public EstimateRequest withTraining(TrainingInput v) {
        return new EstimateRequest(model, v, inference, horizonMonths, monthlyBudgetUsd, priceDeclinePerYear, region,
                stage, platform, ownership, actuals);
    }

    /** The same request with another serving plan. */
    public EstimateRequest withInference(InferenceInput v) {
        return new EstimateRequest(model, training, v, horizonMonths, monthlyBudgetUsd, priceDeclinePerYear, region,
                stage, platform, ownership, actuals);
    }

    /** What the team is doing with the model; it steers the advice. */
    public enum Stage implements WireName {
        RESEARCH, PRODUCTION
    }
}
