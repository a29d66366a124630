package dev.aicost.engine.billing;

import java.util.Arrays;

/**
 * A fleet's bill over the months of a horizon, where terms run to their end: each commitment's baseline
 * is chosen for its whole term (the committed hours are paid whatever the traffic), a term cut by the
 * horizon still owes its remaining months, and a fleet that routes traffic on adds the routed fleet's
 * months at its share of the traffic.
 */
final class Terms {
    private Terms() {
    }

    /** Each month's own fleet cost over a horizon: a commitment's baseline holds for its whole term. */
    static double[] ownCosts(Fleet f, double[] traffic) {
        double[] cost = new double[traffic.length];
        if (!f.pricing().committed()) {
            for (int m = 0; m < traffic.length; m++) {
                cost[m] = m > 0 && traffic[m] == traffic[m - 1] ? cost[m - 1] : f.ownCostUsd(traffic[m]);
            }
            return cost;
        }
        double[] baseline = baselines(f, traffic);
        for (int m = 0; m < traffic.length; m++) {
            cost[m] = CommittedBaseline.month(f, traffic[m], baseline[m]).totalUsd();
        }
        return cost;
    }

    /** Each month's committed baseline: the one chosen for the whole term the month falls in. */
    private static double[] baselines(Fleet f, double[] traffic) {
        double[] baseline = new double[traffic.length];
        for (int from = 0; from < traffic.length; from += f.pricing().termMonths()) {
            int to = Math.min(traffic.length, from + f.pricing().termMonths());
            Arrays.fill(baseline, from, to, CommittedBaseline.choose(f, traffic, from, to));
        }
        return baseline;
    }

    /**
     * What the committed terms running at the end of these months still bill after them: the last
     * term's baseline, every hour of its months beyond the horizon (a contract is paid to its end),
     * this fleet's and the fleets it routes to; 0 when nothing is committed or the last term ends in time.
     */
    static double committedBeyondHorizonUsd(Fleet f, double[] traffic) {
        double owed = 0;
        if (f.pricing().committed() && traffic.length > 0) {
            int lastTerm = (traffic.length - 1) / f.pricing().termMonths() * f.pricing().termMonths();
            int beyond = lastTerm + f.pricing().termMonths() - traffic.length;
            if (beyond > 0) {
                double baseline = CommittedBaseline.choose(f, traffic, lastTerm, traffic.length);
                owed = beyond * CommittedBaseline.month(f, traffic[traffic.length - 1], baseline).committedUsd();
            }
        }
        if (f.routed() != null) {
            owed += committedBeyondHorizonUsd(f.routed(), routedTraffic(f, traffic));
        }
        return owed;
    }

    /**
     * Each month's committed part at today's prices (the baseline's hours, paid whatever the traffic),
     * this fleet's and the fleets it routes to; zeros when nothing is committed.
     */
    static double[] committedCosts(Fleet f, double[] traffic) {
        double[] cost = new double[traffic.length];
        if (f.pricing().committed()) {
            double[] baseline = baselines(f, traffic);
            for (int m = 0; m < traffic.length; m++) {
                cost[m] = CommittedBaseline.month(f, traffic[m], baseline[m]).committedUsd();
            }
        }
        if (f.routed() != null) {
            addTo(cost, committedCosts(f.routed(), routedTraffic(f, traffic)));
        }
        return cost;
    }

    /** The requests per day each month that reach the routed fleet. */
    private static double[] routedTraffic(Fleet f, double[] traffic) {
        double[] routedTraffic = new double[traffic.length];
        for (int m = 0; m < traffic.length; m++) {
            routedTraffic[m] = traffic[m] * f.routedTrafficShare();
        }
        return routedTraffic;
    }

    /** Each month's cost of this fleet and the fleets it routes to, without operations. */
    static double[] chainCosts(Fleet f, double[] traffic) {
        double[] cost = ownCosts(f, traffic);
        if (f.routed() != null) {
            addTo(cost, chainCosts(f.routed(), routedTraffic(f, traffic)));
        }
        return cost;
    }

    private static void addTo(double[] cost, double[] more) {
        for (int m = 0; m < cost.length; m++) {
            cost[m] += more[m];
        }
    }
}
