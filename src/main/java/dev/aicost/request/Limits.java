package dev.aicost.request;

/**
 * Limits that are not one field's: the floor of positive figures, and what the JSON parser refuses.
 * The bounds of each field are the rows of {@link Bound}.
 */
public final class Limits {
    private Limits() {
    }

    /** The smallest value any positive figure may take. */
    public static final double MIN_POSITIVE = 1e-6;
    /**
     * The smallest share of traffic a route or tier may take: a share near zero (5e-324) made a rate so
     * small that money came out non-finite; one request in a million is the least that means anything.
     */
    public static final double MIN_SHARE = 1e-6;
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
    /** Characters of an unknown field name echoed in an error. */
    public static final int MAX_ECHOED_NAME = 64;
    /** Problems listed in one error; the rest are counted ("and N more"). */
    public static final int MAX_PROBLEMS = 20;
    /** Characters of a plain-text request (a sentence or two; below the parser's string limit). */
    public static final int MAX_TEXT_LENGTH = 1_000;
}
