package dev.aicost.function;

/**
 * A Slack request that is not provably from Slack: answered with a fixed JSON body ({@link #toJson}),
 * which API Gateway answers as 401, saying nothing of the request.
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

    /** The answer: the same fixed body, as JSON. */
    public com.fasterxml.jackson.databind.node.ObjectNode toJson() {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("error", "UNAUTHORIZED")
                .put("message", "The request is not signed by Slack, is too old, or no signing secret is configured.");
    }
}
