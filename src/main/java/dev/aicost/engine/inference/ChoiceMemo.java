package dev.aicost.engine.inference;

import dev.aicost.engine.lifecycle.Lifecycle;
import java.util.ArrayList;
import java.util.List;

/**
 * The replica choices made while answering one request, its base run's and its what-ifs' (and their
 * months of traffic): a run whose choice depends on the same facts as an earlier one (pricing-only
 * levers; autoscaling, a committed baseline and hybrid capacity, which share a workload; the best
 * plan's steps) reuses it instead of sizing every tensor-parallel degree over every month again. One
 * per request, used by one thread; a few dozen entries at most, compared by value.
 */
public final class ChoiceMemo {
    private static final int MAX_ENTRIES = 64;

    private final List<InferenceEstimator.ChoiceKey> keys = new ArrayList<>();
    private final List<ReplicaChoice> choices = new ArrayList<>();

    private double trafficRequests = Double.NaN;
    private double trafficGrowth = Double.NaN;
    private int trafficMonths = -1;
    private double[] traffic;

    /**
     * {@link Lifecycle#traffic}, one array for the same inputs: most what-ifs keep the request's traffic
     * (no months of powers to compute again), and the replica choice's keys compare it by identity first.
     * Nobody writes to it.
     */
    public double[] traffic(double requestsPerDay, double monthlyGrowth, int months) {
        if (traffic == null || requestsPerDay != trafficRequests || monthlyGrowth != trafficGrowth
                || months != trafficMonths) {
            traffic = Lifecycle.traffic(requestsPerDay, monthlyGrowth, months);
            trafficRequests = requestsPerDay;
            trafficGrowth = monthlyGrowth;
            trafficMonths = months;
        }
        return traffic;
    }

    ReplicaChoice find(InferenceEstimator.ChoiceKey key) {
        for (int k = keys.size() - 1; k >= 0; k--) {
            if (keys.get(k).sameAs(key)) {
                return choices.get(k);
            }
        }
        return null;
    }

    void keep(InferenceEstimator.ChoiceKey key, ReplicaChoice choice) {
        if (keys.size() < MAX_ENTRIES) {
            keys.add(key);
            choices.add(choice);
        }
    }
}
