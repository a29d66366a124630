package dev.aicost.catalog;

import java.util.Objects;

/**
 * A serverless GPU offer: workers that scale to zero, billed per second while up (starting, busy,
 * or idle until the idle timeout), with the start-up that a request meeting no warm worker waits for.
 *
 * @param maxGpus GPUs a self-serve account can run at once (0: no stated cap)
 * @param planMonthlyUsd the plan fee billed whatever the usage
 * @param extraPerSecondUsd CPU and memory billed per GPU-second besides the GPU
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
        int maxGpus,
        double planMonthlyUsd,
        double extraPerSecondUsd,
        Source source) {

    /** An offer without a cap, plan fee or extra charges. */
    public ServerlessOffer(String id, String acceleratorId, String provider, double perSecondUsd,
            double minBillingSeconds, double idleTimeoutSeconds, double coldStartSeconds, double loadGBs,
            Source source) {
        this(id, acceleratorId, provider, perSecondUsd, minBillingSeconds, idleTimeoutSeconds, coldStartSeconds,
                loadGBs, 0, 0, 0, source);
    }

    public ServerlessOffer {
        Objects.requireNonNull(id, "id");
        Checks.positive(perSecondUsd, id + ".perSecondUsd");
        Checks.positive(minBillingSeconds, id + ".minBillingSeconds");
        Checks.positive(idleTimeoutSeconds, id + ".idleTimeoutSeconds");
        Checks.positive(coldStartSeconds, id + ".coldStartSeconds");
        Checks.positive(loadGBs, id + ".loadGBs");
        if (maxGpus < 0 || !(planMonthlyUsd >= 0) || !(extraPerSecondUsd >= 0)) {
            throw new IllegalArgumentException(id + ": cap, plan fee and extra charges must not be negative");
        }
    }

    /** What a GPU-second bills, the GPU and the CPU and memory beside it, as a price per GPU-hour. */
    public double perHourUsd() {
        return (perSecondUsd + extraPerSecondUsd) * 3600;
    }

    /** Whether a self-serve account can run this many GPUs at once. */
    public boolean holds(double gpus) {
        return maxGpus == 0 || gpus <= maxGpus;
    }
}
