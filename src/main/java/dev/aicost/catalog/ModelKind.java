package dev.aicost.catalog;

/** LLM: a decoder transformer served token by token. OTHER: one forward pass per request. */
public enum ModelKind {
    LLM("llm"),
    OTHER("other");

    private final String wireName;

    ModelKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
