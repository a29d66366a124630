package dev.aicost.request;

/**
 * The bounds of every number a request may carry: one row per field, read by {@link RequestReader},
 * quoted in its problems ({@link #allowed()}), and rendered as the "Limits" table of docs/request.md (a test
 * fails when that page and this table disagree). Beyond them a request is refused: no figure in a
 * report can overflow, and evaluation time stays bounded whatever is sent.
 */
public enum Bound {
    // model (also inference.routing.model)
    PARAMETERS("model", "parameters", false, Shared.MIN_PARAMETERS, Shared.MAX_PARAMETERS),
    ACTIVE_PARAMETERS("model", "activeParameters", false, Shared.MIN_PARAMETERS, Shared.MAX_PARAMETERS),
    LAYERS("model", "layers", true, 1, 10_000),
    HIDDEN_SIZE("model", "hiddenSize", true, 1, 1_000_000),
    ATTENTION_HEADS("model", "attentionHeads", true, 1, 100_000),
    KV_HEADS("model", "kvHeads", true, 1, 100_000),
    HEAD_DIM("model", "headDim", true, 1, 1_000_000),
    VOCAB_SIZE("model", "vocabSize", true, 1, 100_000_000),
    CONTEXT_LENGTH("model", "contextLength", true, 1, Shared.MAX_SEQUENCE_TOKENS),
    FLOPS_PER_REQUEST("model", "flopsPerRequest", false, Limits.MIN_POSITIVE, 1e18),
    WEIGHTS_BYTES("model", "weightsBytes", false, Limits.MIN_POSITIVE, 1e15),
    EXPERTS("model", "experts", true, 2, 100_000),
    EXPERTS_PER_TOKEN("model", "expertsPerToken", true, 1, 1_000),
    SLIDING_WINDOW("model", "slidingWindow", true, 1, Shared.MAX_SEQUENCE_TOKENS),
    MOE_LAYERS("model", "moeLayers", true, 1, 10_000),
    KV_LORA_RANK("model", "kvLoraRank", true, 1, 1_000_000),
    Q_LORA_RANK("model", "qLoraRank", true, 1, 1_000_000),
    QK_NOPE_HEAD_DIM("model", "qkNopeHeadDim", true, 1, 1_000_000),
    QK_ROPE_HEAD_DIM("model", "qkRopeHeadDim", true, 1, 1_000_000),
    V_HEAD_DIM("model", "vHeadDim", true, 1, 1_000_000),
    // training
    TOKENS("training", "tokens", false, 1, Shared.MAX_TOKENS),
    FLOPS("training", "flops", false, 1, 1e30),
    ACCELERATOR_HOURS("training", "acceleratorHours", false, Limits.MIN_POSITIVE, 1e10),
    ACCELERATORS("training", "accelerators", true, 1, 1_000_000),
    DEADLINE_DAYS("training", "deadlineDays", false, Limits.MIN_POSITIVE, 3650),
    MFU("training", "mfu", false, 0.01, 1),
    GOODPUT("training", "goodput", false, 0.1, 1),
    SEQUENCE_LENGTH("training", "sequenceLength", true, 1, Shared.MAX_SEQUENCE_TOKENS),
    LORA_RANK("training", "loraRank", true, 1, 4096),
    SPOT_RESTART_OVERHEAD("training", "spotRestartOverhead", false, 0, 1),
    EXPERIMENTS_OVERHEAD("training", "experimentsOverhead", false, 0, 100),
    RETRAIN_EVERY_MONTHS("training", "retrainEveryMonths", false, 1, Shared.MAX_HORIZON_MONTHS),
    RETRAIN_TOKENS("training", "retrainTokens", false, 1, Shared.MAX_TOKENS),
    HARDWARE_LIFE_YEARS("training", "hardwareLifeYears", false, 0.5, 15),
    PEOPLE("training.engineering", "people", true, 1, 10_000),
    MONTHS("training.engineering", "months", false, Limits.MIN_POSITIVE, Shared.MAX_HORIZON_MONTHS),
    MONTHLY_COST_USD("training.engineering", "monthlyCostUsd", false, Limits.MIN_POSITIVE, 1e7),
    // training and inference
    PRICE_PER_ACCELERATOR_HOUR_USD("training, inference", "pricePerAcceleratorHourUsd", false, 0,
            Shared.MAX_PRICE_PER_HOUR_USD),
    // accelerator objects (training.accelerator, inference.accelerator, inference.routing.accelerator)
    PEAK_TFLOPS("accelerator", "peakTflops.<precision>", false, Limits.MIN_POSITIVE, 1e6),
    MEMORY_GB("accelerator", "memoryGb", false, Limits.MIN_POSITIVE, 1e5),
    BANDWIDTH_GBS("accelerator", "bandwidthGBs", false, Limits.MIN_POSITIVE, 1e6),
    TDP_W("accelerator", "tdpW", false, Limits.MIN_POSITIVE, 1e5),
    INTERCONNECT_GBS("accelerator", "interconnectGBs", false, Limits.MIN_POSITIVE, 1e6),
    PURCHASE_USD("accelerator", "purchaseUsd", false, Limits.MIN_POSITIVE, 1e8),
    PRICE_PER_HOUR_USD("accelerator", "pricePerHourUsd", false, Limits.MIN_POSITIVE, Shared.MAX_PRICE_PER_HOUR_USD),
    // inference
    REQUESTS_PER_DAY("inference", "requestsPerDay", false, 1e-3, 1e12),
    USERS("inference", "users", false, Limits.MIN_POSITIVE, 1e10),
    INPUT_TOKENS("inference", "inputTokens", true, 1, Shared.MAX_SEQUENCE_TOKENS),
    OUTPUT_TOKENS("inference", "outputTokens", true, 1, Shared.MAX_SEQUENCE_TOKENS),
    TENSOR_PARALLEL("inference (and routing)", "tensorParallel", true, 1, 64),
    BATCH_SIZE("inference", "batchSize", true, 1, 65_536),
    TTFT_MS("inference.latencyTargetMs", "ttftMs", false, Limits.MIN_POSITIVE, 3_600_000),
    TPOT_MS("inference.latencyTargetMs", "tpotMs", false, Limits.MIN_POSITIVE, 3_600_000),
    E2E_MS("inference.latencyTargetMs", "e2eMs", false, Limits.MIN_POSITIVE, 3_600_000),
    PEAK_TO_AVERAGE("inference", "peakToAverage", false, 1, 24),
    HOURLY_SHAPE("inference", "hourlyShape[24]", false, 0, 1e6),
    CACHE_HIT_RATE("inference", "cacheHitRate", false, 0, 1),
    PREFIX_CACHE_HIT_RATE("inference", "prefixCacheHitRate", false, 0, 1),
    ROUTED_SHARE("inference.routing", "share", false, Limits.MIN_SHARE, 1),
    MONTHLY_GROWTH("inference", "monthlyGrowth", false, -0.5, 10),
    START_MONTH("inference", "startMonth", true, 1, Shared.MAX_HORIZON_MONTHS),
    MIN_REPLICAS("inference", "minReplicas", true, 0, 100_000),
    TARGET_UTILIZATION("inference", "targetUtilization", false, 0.1, 1),
    OPERATIONS_PEOPLE("inference.operations", "people", false, 0, 10_000),
    OPERATIONS_COST_PER_PERSON("inference.operations", "monthlyCostUsdPerPerson", false, 0, 1e6),
    OPERATIONS_MONTHLY_USD("inference.operations", "monthlyUsd", false, 0, 1e9),
    REVENUE_PER_REQUEST_USD("inference", "revenuePerRequestUsd", false, 0, 1e4),
    IDLE_TIMEOUT_SECONDS("inference", "idleTimeoutSeconds", false, 0, 3600),
    TIER_SHARE("inference.tiers[]", "share", false, Limits.MIN_SHARE, 1),
    // owned hardware
    LIFE_YEARS("ownership", "lifeYears", false, 0.5, 15),
    SERVER_AND_NETWORK_FRACTION("ownership", "serverAndNetworkFraction", false, 0, 5),
    SYSTEM_POWER_FACTOR("ownership", "systemPowerFactor", false, 1, 5),
    FACILITY_USD_PER_KW_MONTH("ownership", "facilityUsdPerKwMonth", false, 0, 10_000),
    COST_OF_CAPITAL_PER_YEAR("ownership", "costOfCapitalPerYear", false, 0, 1),
    TRAINING_UTILIZATION("ownership", "trainingUtilization", false, 0.05, 1),
    // actual spend, one entry per month (actuals.months[])
    ACTUAL_MONTH("actuals.months[]", "month", true, 1, Shared.MAX_HORIZON_MONTHS),
    ACTUAL_TRAINING_USD("actuals.months[]", "trainingUsd", false, 0, 1e13),
    ACTUAL_INFERENCE_USD("actuals.months[]", "inferenceUsd", false, 0, 1e13),
    ACTUAL_REQUESTS("actuals.months[]", "requests", false, 0, 1e15),
    // the request
    HORIZON_MONTHS("", "horizonMonths", true, 1, Shared.MAX_HORIZON_MONTHS),
    // a GPU rental quote
    RENTAL_ACCELERATORS("rental", "accelerators", true, 1, 1_000_000),
    RENTAL_HOURS("rental", "hours", false, Limits.MIN_POSITIVE, 87_600),
    MONTHLY_BUDGET_USD("", "monthlyBudgetUsd", false, Limits.MIN_POSITIVE, 1e13),
    PRICE_DECLINE_PER_YEAR("", "priceDeclinePerYear", false, 0, 0.9);

    /** Values several rows share (a nested class: enum constants cannot name their enum's own statics). */
    private static final class Shared {
        static final double MIN_PARAMETERS = 1e3;
        static final double MAX_PARAMETERS = 1e14;
        static final double MAX_TOKENS = 1e17;
        static final int MAX_SEQUENCE_TOKENS = 10_000_000;
        static final int MAX_HORIZON_MONTHS = 120;
        static final double MAX_PRICE_PER_HOUR_USD = 10_000;
    }

    private final String section;
    private final String field;
    private final boolean whole;
    private final double min;
    private final double max;
    private final boolean minExclusive;

    Bound(String section, String field, boolean whole, double min, double max) {
        this(section, field, whole, min, max, false);
    }

    Bound(String section, String field, boolean whole, double min, double max, boolean minExclusive) {
        this.section = section;
        this.field = field;
        this.whole = whole;
        this.min = min;
        this.max = max;
        this.minExclusive = minExclusive;
    }

    /** Where the field sits, e.g. {@code training} or {@code inference.latencyTargetMs} (empty: the top level). */
    public String section() {
        return section;
    }

    /** The field's name within its section, as in the request. */
    public String field() {
        return field;
    }

    public boolean whole() {
        return whole;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public boolean minExclusive() {
        return minExclusive;
    }

    /** What a problem with this field says is allowed, and what the table in docs/request.md says. */
    public String allowed() {
        if (whole) {
            return "a whole number from " + (long) min + " to " + (long) max;
        }
        return (minExclusive ? "a number > " : "a number >= ") + Shown.fmt(min) + " and <= " + Shown.fmt(max);
    }
}
