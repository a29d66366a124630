package dev.aicost.engine.estimate;

/** A phase of a model's life: the spend a lever changes (its savings percentage is of that phase). */
public enum Phase {
    TRAINING, INFERENCE
}
