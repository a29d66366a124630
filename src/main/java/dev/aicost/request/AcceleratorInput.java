package dev.aicost.request;

import dev.aicost.catalog.Precision;
import java.util.Map;

/**
 * An accelerator: a catalog id, or a custom one with its specs inline (every spec required,
 * peaks in TFLOPS keyed by precision), optionally with its own price per hour.
 */
public record AcceleratorInput(
        String id,
        boolean custom,
        String name,
        Map<Precision, Double> peakTflops,
        Double memoryGb,
        Double bandwidthGBs,
        Double tdpW,
        Double interconnectGBs,
        String interconnect,
        Double purchaseUsd,
        Double pricePerHourUsd) {

    public static AcceleratorInput ofId(String id) {
        return new AcceleratorInput(id, false, null, null, null, null, null, null, null, null, null);
    }
}
