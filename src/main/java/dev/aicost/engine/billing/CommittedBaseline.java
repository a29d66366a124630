package dev.aicost.engine.billing;

import dev.aicost.engine.core.Num;
import dev.aicost.request.InferenceInput.Scaling;
import java.util.Arrays;

/**
 * A committed fleet (a reservation, a savings plan, owned hardware): the baseline of replicas it
 * commits for a term, and what each month then costs, the baseline paid every hour and the rest
 * bursting at the burst rate.
 */
public final class CommittedBaseline {
    private CommittedBaseline() {
    }

    /** How a month's accelerators were bought: the committed baseline and the burst above it. */
    public record Capacity(double committedReplicas, double committedUsd, double burstAcceleratorHours, double burstUsd) {
        double totalUsd() {
            return committedUsd + burstUsd;
        }
    }

    /** One month at this traffic with the given committed baseline (replicas). */
    public static Capacity month(Fleet f, double requestsPerDay, double baseline) {
        // In accelerators billed: whole instances of the offer, the baseline's and each hour's need.
        double committed = f.billedAccelerators(baseline);
        double burstHours = 0;
        if (f.workload().scaling() == Scaling.ALWAYS_ON) {
            double over = Math.max(0, f.billedAccelerators(Math.max(baseline, f.peakReplicas(requestsPerDay)))
                    - committed);
            for (int h = 0; h < Fleet.HOURS_PER_DAY; h++) { // added hour by hour, as the autoscaled day is: the same sum
                burstHours += over;
            }
        } else {
            double atMean = requestsPerDay * f.replicasPerRequestPerDay();
            int min = f.workload().minReplicas();
            for (double w : f.workload().shape()) {
                double need = Math.max(min, Math.ceil(atMean * w));
                burstHours += Math.max(0, f.billedAccelerators(Math.max(baseline, need)) - committed);
            }
        }
        burstHours = burstHours / Fleet.HOURS_PER_DAY * Num.HOURS_PER_MONTH;
        return new Capacity(baseline, committed * Num.HOURS_PER_MONTH * f.pricing().pricePerHourUsd(), burstHours,
                burstHours * f.pricing().burstPricePerHourUsd());
    }

    /**
     * The committed baseline that costs least over these months' traffic: raising it by one replica
     * costs the commitment rate in every hour and saves the burst rate in the hours that need more,
     * so the best baseline is exceeded in at most (commitment / burst rate) of the hours: the
     * smallest whole number of replicas that at most that many of the months' hours need more than.
     * Found by bisection over replica counts, counting each month's hours above a count from its
     * hours in descending weight (needs grow with the weight), rather than by sorting every hour of
     * the term on every pricing (which had been a third of a warm report).
     */
    public static double choose(Fleet f, double[] traffic, int from, int to) {
        if (f.workload().scaling() == Scaling.ALWAYS_ON) {
            int peak = 0;
            for (int m = from; m < to; m++) {
                peak = Math.max(peak, f.peakReplicas(traffic[m]));
            }
            return peak; // an always-on fleet commits all of it
        }
        int hours = (to - from) * Fleet.HOURS_PER_DAY;
        double ratio = f.pricing().pricePerHourUsd() / f.pricing().burstPricePerHourUsd();
        int above = (int) Math.floor(ratio * hours + 1e-9); // hours allowed above the baseline
        if (above >= hours) {
            return 0;
        }
        double[] weights = f.workload().shape().clone();
        Arrays.sort(weights); // ascending: weights[Fleet.HOURS_PER_DAY - 1] is the busiest hour
        double perRequest = f.replicasPerRequestPerDay();
        double most = f.workload().minReplicas();
        for (int m = from; m < to; m++) {
            most = Math.max(most, Math.ceil(traffic[m] * perRequest * weights[Fleet.HOURS_PER_DAY - 1]));
        }
        if (!(most < 1L << 52)) { // beyond exact whole numbers in a double: no replica count is meant
            return most;
        }
        long lo = 0; // hoursAbove(lo - 1) > above, hoursAbove(hi) <= above
        long hi = (long) most;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (hoursAbove(f, traffic, from, to, perRequest, weights, mid) <= above) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Hours of these months that need more than {@code replicas}; {@code ascending}: the day's weights sorted. */
    private static int hoursAbove(Fleet f, double[] traffic, int from, int to, double perRequest, double[] ascending,
            long replicas) {
        if (f.workload().minReplicas() > replicas) {
            return (to - from) * Fleet.HOURS_PER_DAY;
        }
        int count = 0;
        for (int m = from; m < to; m++) {
            double atMean = traffic[m] * perRequest;
            // The first hour (ascending) whose need exceeds the count: ceil(x) > n exactly when x > n.
            int lo = 0;
            int hi = Fleet.HOURS_PER_DAY;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (atMean * ascending[mid] > replicas) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            count += Fleet.HOURS_PER_DAY - lo;
        }
        return count;
    }
}
