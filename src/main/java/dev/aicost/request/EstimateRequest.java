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

    /** What the team is doing with the model; it steers the advice. */
    public enum Stage {
        RESEARCH("research"), PRODUCTION("production");

        private final String wireName;

        Stage(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
