package dev.aicost.engine.advice;

import dev.aicost.report.RequestPatch;
import dev.aicost.request.EstimateRequest;
import java.util.function.UnaryOperator;

/**
 * A lever applied to one request: the typed change the engine re-runs, and the same change as a
 * JSON merge patch (RFC 7386) that a caller can send back. Both are built side by side from the
 * same values in {@link WhatIfs}; a test re-sends every patch and checks it gives the same total.
 *
 * @param path the request field it changes, e.g. {@code inference.precision}
 * @param detail the change in words, e.g. {@code bf16 → fp8}
 */
record WhatIf(Lever lever, String path, String detail, UnaryOperator<EstimateRequest> edit, RequestPatch patch,
        String tradeOff, String cannotBuy) {

    WhatIf(Lever lever, String path, String detail, UnaryOperator<EstimateRequest> edit, RequestPatch patch) {
        this(lever, path, detail, edit, patch, lever.tradeOff(), null);
    }

    WhatIf(Lever lever, String path, String detail, UnaryOperator<EstimateRequest> edit, RequestPatch patch,
            String tradeOff) {
        this(lever, path, detail, edit, patch, tradeOff, null);
    }

    /**
     * The same change, marked as one that cannot be bought as described (it is reported as not
     * applicable with that reason, never priced into a plan).
     */
    WhatIf unbuyable(String why) {
        return new WhatIf(lever, path, detail, edit, patch, tradeOff, why);
    }

    /** The same change described another way (once priced, with what the run chose). */
    WhatIf described(String otherDetail) {
        return new WhatIf(lever, path, otherDetail, edit, patch, tradeOff, cannotBuy);
    }

    /** How the report states it: {@code inference.precision: bf16 → fp8}. */
    String change() {
        return path + ": " + detail;
    }

    EstimateRequest apply(EstimateRequest request) {
        return edit.apply(request);
    }
}
