package dev.aicost.report;

import java.util.List;

/**
 * A GPU rental quote: what the chosen offer bills for the accelerators and hours asked, in whole
 * instances (an 8-GPU instance is rented whole), and what every catalog offer of that accelerator
 * would bill in the same mode, cheapest first.
 */
public record RentalReport(
        String accelerator,
        int accelerators,
        double hours,
        String pricingMode,
        String offer,
        String provider,
        String instance,
        String region,
        int acceleratorsPerInstance,
        int instances,
        int billedAccelerators,
        double billedHours,
        double pricePerAcceleratorHourUsd,
        double costUsd,
        String source,
        List<RentalOffer> offers,
        double cheapestUsd,
        double dearestUsd) {

    /** One offer's bill for the same rental. */
    public record RentalOffer(String offer, String provider, String instance, int instances,
            double pricePerAcceleratorHourUsd, double costUsd) {
    }
}
