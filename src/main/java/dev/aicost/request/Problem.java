package dev.aicost.request;

import java.util.Objects;

/** One thing wrong with a request: where (a JSON path such as {@code training.tokens}), what, and what is allowed. */
public record Problem(String path, String problem, String allowed) {
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(problem, "problem");
    }
}
