package dev.aicost.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One cost lever, priced by re-running the engine with the lever applied. savingsUsd is over the
 * horizon; savingsPercent is of the lever's phase (training or inference) spend; requestMergePatch is
 * the lever as a JSON merge patch (RFC 7386) of the request, to re-run it, and requestPatch the same
 * patch as a string (the first form of the contract, kept for existing callers). preconditions: what must
 * hold for the lever to be bought as described, each checked before it is priced (a lever that fails one is
 * not applicable, with the reason).
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
        String requestPatch,
        JsonNode requestMergePatch,
        List<String> preconditions) {
}
