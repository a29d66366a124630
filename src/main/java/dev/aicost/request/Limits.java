package dev.aicost.request;

/**
 * Documented bounds on every number a request may carry (README "Limits"). Beyond them a request
 * is refused with a problem that quotes the bound: no figure in a report can overflow or blow up,
 * and evaluation time stays bounded whatever is sent.
 */
public final class Limits {
    private Limits() {
    }

    /** The smallest value any positive figure may take. */
    public static final double MIN_POSITIVE = 1e-6;
    /** One request in about three years: below that, per-request costs stop meaning anything. */
    public static final double MIN_REQUESTS_PER_DAY = 1e-3;
    public static final double MAX_PARAMETERS = 1e14;
    public static final double MIN_PARAMETERS = 1e3;
    public static final double MAX_TOKENS = 1e17;
    public static final double MAX_FLOPS = 1e30;
    public static final double MAX_ACCELERATOR_HOURS = 1e10;
    public static final int MAX_ACCELERATORS = 1_000_000;
    public static final double MAX_DEADLINE_DAYS = 3650;
    public static final double MAX_REQUESTS_PER_DAY = 1e12;
    public static final double MAX_USERS = 1e10;
    public static final int MAX_SEQUENCE_TOKENS = 10_000_000;
    public static final int MAX_TENSOR_PARALLEL = 64;
    public static final int MAX_BATCH = 65_536;
    public static final int MAX_HORIZON_MONTHS = 120;
    public static final double MAX_PRICE_PER_HOUR_USD = 10_000;
    public static final double MAX_MONEY_USD = 1e13;
    public static final double MAX_LATENCY_MS = 3_600_000;
    public static final double MAX_PEAK_TO_AVERAGE = 24;
    public static final int MAX_LAYERS = 10_000;
    public static final int MAX_HIDDEN = 1_000_000;
    public static final int MAX_HEADS = 100_000;
    public static final int MAX_VOCAB = 100_000_000;
    public static final double MAX_FLOPS_PER_REQUEST = 1e18;
    public static final double MAX_WEIGHTS_BYTES = 1e15;
    public static final double MAX_TFLOPS = 1e6;
    public static final double MAX_MEMORY_GB = 1e5;
    public static final double MAX_BANDWIDTH_GBS = 1e6;
    // What the JSON parser itself refuses (Jackson's StreamReadConstraints, set by the function layer),
    // before any tree is built: a real request is under 2 KB, 200 tokens and 4 levels deep.
    /** Bytes (characters) of one request body. */
    public static final int MAX_DOCUMENT_LENGTH = 64 * 1024;
    /** JSON tokens (names, values, brackets) of one request. */
    public static final int MAX_JSON_TOKENS = 5_000;
    public static final int MAX_DEPTH = 8;
    public static final int MAX_NAME_LENGTH = 256;
    /** Characters of one string as parsed; fields themselves accept at most {@link #MAX_STRING_LENGTH}. */
    public static final int MAX_PARSED_STRING_LENGTH = 1_024;
    public static final int MAX_STRING_LENGTH = 200;
}
