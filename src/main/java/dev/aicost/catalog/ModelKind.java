package dev.aicost.catalog;

/** LLM: a decoder transformer served token by token. OTHER: one forward pass per request. */
public enum ModelKind implements WireName {
    LLM, OTHER
}
