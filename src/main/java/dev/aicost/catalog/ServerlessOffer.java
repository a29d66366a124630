package dev.aicost.catalog;

import java.util.Objects;

/**
 * A serverless GPU offer: workers that scale to zero, billed per second while up (starting, busy,
 * or idle until the idle timeout), with the start-up that a request meeting no warm worker waits for.
 */
public record ServerlessOffer(
        String id,
        String acceleratorId,
        String provider,
        double perSecondUsd,
        double minBillingSeconds,
        double idleTimeoutSeconds,
        double coldStartSeconds,
        double loadGBs,
        Source source) {

    public ServerlessOffer {
        Objects.requireNonNull(id, "id");
        Checks.positive(perSecondUsd, id + ".perSecondUsd");
        Checks.positive(minBillingSeconds, id + ".minBillingSeconds");
        Checks.positive(idleTimeoutSeconds, id + ".idleTimeoutSeconds");
        Checks.positive(coldStartSeconds, id + ".coldStartSeconds");
        Checks.positive(loadGBs, id + ".loadGBs");
    }

    /** The per-second price as a price per GPU-hour, to compare with rented hours. */
    public double perHourUsd() {
        return perSecondUsd * 3600;
    }
}
