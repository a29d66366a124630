package dev.aicost.report;

/**
 * One cost lever, priced by re-running the engine with the lever applied. savingsUsd is over the
 * horizon; savingsPercent is of the lever's phase (training or inference) spend.
 */
public record Optimization(
        String lever,
        String phase,
        boolean applicable,
        String change,
        double savingsUsd,
        double savingsPercent,
        String tradeOff,
        String notApplicableReason) {
}
