package dev.aicost.request;

/**
 * Limits shared beyond one field: values the engine also relies on (traffic growth is capped at
 * {@link #MAX_REQUESTS_PER_DAY}, a deadline at {@link #MAX_ACCELERATORS}), the floor of positive
 * figures, and what the JSON parser refuses. The bounds of each field are the rows of {@link Bound}.
 */
public final class Limits {
    private Limits() {
    }

    /** The smallest value any positive figure may take. */
    public static final double MIN_POSITIVE = 1e-6;
    public static final double MAX_PARAMETERS = 1e14;
    public static final double MIN_PARAMETERS = 1e3;
    public static final double MAX_TOKENS = 1e17;
    public static final int MAX_ACCELERATORS = 1_000_000;
    public static final double MAX_REQUESTS_PER_DAY = 1e12;
    public static final int MAX_SEQUENCE_TOKENS = 10_000_000;
    public static final int MAX_HORIZON_MONTHS = 120;
    public static final double MAX_PRICE_PER_HOUR_USD = 10_000;
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
