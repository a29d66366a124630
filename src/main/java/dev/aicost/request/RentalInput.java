package dev.aicost.request;

import dev.aicost.catalog.PricingMode;

/**
 * A GPU rental quote: {@code accelerators} of one kind for {@code hours}, bought in a pricing mode
 * (on-demand when null) at a named offer (the cheapest whole-instance bill when null).
 */
public record RentalInput(String accelerator, int accelerators, double hours, PricingMode pricingMode, String offer) {
}
