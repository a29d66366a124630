package dev.aicost.engine;

/**
 * The traffic above which a self-hosted fleet costs less than buying the same requests from an API,
 * at every higher traffic up to the largest accepted one. The fleet's cost is a staircase (whole
 * replicas) between two straight lines, so the comparison is not monotone and a bisection could stop
 * on any step; this walks the steps instead, only between the two lines' crossings with the API's
 * cost, where the answer must lie.
 */
final class BreakEven {
    /** The largest traffic the engine accepts (requests per day). */
    static final double MAX = 1e12;
    /** Steps walked at most; past them the upper line's crossing is returned (always a valid answer). */
    static final int MAX_STEPS = 4096;

    private BreakEven() {
    }

    /** Requests per day above which self-hosting is always cheaper, or null if it never is below {@link #MAX}. */
    static Double requestsPerDay(Fleet fleet, double apiPerRequestUsd) {
        double api = apiPerRequestUsd * Num.DAYS_PER_MONTH; // $ per month per (request per day)
        double fixed = fleet.pricing().operationsMonthlyUsd();
        double low = fleet.lowSlopeUsd();
        if (!(api > low)) {
            return null; // every request costs the fleet at least what the API charges
        }
        // Below the lower line's crossing the fleet costs at least the API: the answer is above it.
        double from = fixed / (api - low);
        double high = fleet.highSlopeUsd();
        // Above the upper line's crossing the fleet always costs less.
        double to = api > high ? (fixed + fleet.stepsUsd()) / (api - high) : MAX;
        to = Math.min(to, MAX);
        if (from >= MAX) {
            return null;
        }
        // The last step (from `from` on) where the fleet, just past the step, costs at least the API.
        double failedAt = from;
        double failedCost = fleet.monthlyCostUsd(above(from));
        double at = from;
        for (int steps = 0; steps < MAX_STEPS; steps++) {
            double next = fleet.nextStepAbove(above(at));
            if (!(next < to)) {
                return cheaperFrom(failedAt, failedCost, api);
            }
            double cost = fleet.monthlyCostUsd(above(next));
            if (cost >= api * next) {
                failedAt = next;
                failedCost = cost;
            }
            at = next;
        }
        return to < MAX ? to : null; // too many steps to walk: the upper line's crossing is still a valid answer
    }

    /** Just past a step (the cost there already includes the extra replica). */
    private static double above(double requestsPerDay) {
        return requestsPerDay * (1 + 1e-9);
    }

    /** Past the last failing step the cost stays flat until the next step: cheaper once the API costs more. */
    private static Double cheaperFrom(double failedAt, double failedCost, double api) {
        double r = Math.max(failedAt, failedCost / api);
        return r >= MAX ? null : r;
    }
}
