package dev.aicost.engine.advice;

import dev.aicost.catalog.Catalog;
import dev.aicost.engine.core.Hardware;
import dev.aicost.engine.core.ModelResolver;
import dev.aicost.engine.estimate.Estimate;
import dev.aicost.engine.estimate.Phase;
import dev.aicost.request.EstimateRequest;

/**
 * What the advice needs of the engine: its catalog and resolvers, and a what-if run of a changed
 * request. The engine hands itself in through this interface, so that advice never depends on it.
 */
public interface WhatIfRunner {
    Catalog catalog();

    Hardware hardware();

    ModelResolver models();

    /**
     * The changed request estimated without explanations; {@code changed} is the one phase the change
     * touches (the other phase of {@code base} is reused), or null where both may change.
     */
    Estimate whatIf(EstimateRequest req, Estimate base, Phase changed);
}
