package dev.aicost.function;

/**
 * A Slack request that is not provably from Slack: a fixed JSON body (its toString(), which Funqy
 * reports as the errorMessage and API Gateway maps to 401), saying nothing of the request.
 */
public final class Unauthorized extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String BODY = "{\"error\":\"UNAUTHORIZED\",\"message\":\"The request is not signed by Slack, "
            + "is too old, or no signing secret is configured.\"}";

    public Unauthorized() {
        super(BODY, null, false, false);
    }

    @Override
    public String toString() {
        return BODY;
    }
}
