package dev.aicost.function;

/**
 * What callers see of a bug: a fixed JSON body (its toString(), which Funqy reports as the
 * errorMessage), no class names, no stack frames. The cause is in the function's log.
 */
public final class InternalFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String BODY = "{\"error\":\"INTERNAL_ERROR\",\"message\":\"The estimate could not be computed. "
            + "Retry, or report the request to the operators.\"}";

    public InternalFailure() {
        super(BODY, null, false, false);
    }

    @Override
    public String toString() {
        return BODY;
    }
}
