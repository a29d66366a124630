package dev.aicost.report;

/**
 * One cost lever, priced by re-running the engine with the lever applied. savingsUsd is over the
 * horizon; savingsPercent is of the lever's phase (training or inference) spend; requestPatch is the
 * lever as a JSON merge patch (RFC 7386) of the request, to re-run it.
 */
public record Optimization(
        String lever,
        String phase,
        boolean applicable,
        String change,
        double savingsUsd,
        double savingsPercent,
        String tradeOff,
        String notApplicableReason,
        String requestPatch) {
}
