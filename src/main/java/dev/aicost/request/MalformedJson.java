package dev.aicost.request;

/**
 * A body that could not be parsed as JSON, as the function layer hands it to {@link RequestReader}
 * (wrapped in a POJO node): a parser can never produce such a node from request text, so no
 * caller can fake the signal.
 *
 * @param problem what the parser found and where (line and column)
 */
public record MalformedJson(String problem) {
}
