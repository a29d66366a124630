package dev.aicost.engine.billing;

import dev.aicost.engine.core.Num;

/**
 * The traffic above which a self-hosted fleet costs less than buying the same requests from an API,
 * at every higher traffic up to the largest accepted one. The fleet's cost is a staircase (whole
 * replicas) that never falls as traffic grows, so "cheaper" is not monotone and a bisection on it could
 * stop on any step. This searches for the last traffic at which the fleet still costs at least the API:
 * between the crossings of the API's cost with two straight lines that bound the staircase. It first
 * walks down from the top: where the fleet costs c, every traffic above c ÷ (API price) up to there
 * is cheaper (the fleet costs at most c there, the API more), so the next place to look is c ÷ price.
 * That walk lands on a flat step or converges fast wherever the fleet's marginal cost is well below
 * the API's price; if it has not arrived after a few steps, the rest is searched by halving intervals
 * from the top and dropping any interval where even the fleet's cost at its top end stays below the
 * API's cost at its bottom end. (A convex bound on a serverless worker's smooth cost used to drop more
 * intervals; measured 2026-12-02 on the break-even tests' fleets it cost more evaluations than it saved,
 * 50,537 against 29,930 in all, and it was removed.)
 */
final class BreakEven {
    /** The largest traffic the engine accepts (requests per day). */
    static final double MAX = 1e12;
    /** Cost evaluations at most; past them the upper line's crossing is returned (always a valid answer). */
    static final int MAX_EVALUATIONS = 4096;
    /** Intervals narrower than this share of their top are not split (the figure is reported to 4 digits). */
    static final double RESOLUTION = 1e-7;
    /** Steps of the walk down before halving takes over (each proves a whole interval cheaper). */
    static final int DESCENT_STEPS = 16;

    private final Fleet fleet;
    private final double api;
    private int evaluations;

    private BreakEven(Fleet fleet, double api) {
        this.fleet = fleet;
        this.api = api;
    }

    /** Requests per day above which self-hosting is always cheaper, or null if it never is below {@link #MAX}. */
    static Double requestsPerDay(Fleet fleet, double apiPerRequestUsd) {
        return search(fleet, apiPerRequestUsd).requestsPerDay();
    }

    /** The break-even and how many fleet costs the search evaluated to find it (its own cost, which tests bound). */
    record Answer(Double requestsPerDay, int evaluations) {
    }

    /**
     * Where the answer lies, from the two lines that bound the fleet's cost: at or above {@code from}, where the
     * API's cost crosses the lower line (below it the fleet costs at least the API), and at or below {@code to},
     * where it crosses the upper one (above it the fleet always costs less), or {@link #MAX}. Null when every
     * request costs the fleet at least what the API charges.
     */
    record Bracket(double from, double to) {
    }

    static Bracket bracket(Fleet fleet, double api) {
        double fixed = fleet.pricing().operationsMonthlyUsd();
        double low = CostBounds.lowSlopeUsd(fleet);
        if (!(api > low)) {
            return null;
        }
        double high = CostBounds.highSlopeUsd(fleet);
        return new Bracket(fixed / (api - low),
                Math.min(MAX, api > high ? (fixed + CostBounds.stepsUsd(fleet)) / (api - high) : MAX));
    }

    static Answer search(Fleet fleet, double apiPerRequestUsd) {
        double api = apiPerRequestUsd * Num.DAYS_PER_MONTH; // $ per month per (request per day)
        Bracket b = bracket(fleet, api);
        if (b == null || b.from() >= MAX) {
            return new Answer(null, 0);
        }
        double from = b.from();
        double to = b.to();
        if (to <= from) {
            return new Answer(from, 0);
        }
        BreakEven search = new BreakEven(fleet, api);
        // The walk down: everything above `top` is cheaper; at `top` the fleet costs `costTop`.
        double top = to;
        double costTop = search.cost(to);
        for (int step = 0; step < DESCENT_STEPS; step++) {
            double next = costTop / api; // (next, top] is cheaper: the fleet costs at most costTop there
            if (next >= top) {
                return search.answer(top >= MAX ? null : top); // the fleet costs at least the API at `top`
            }
            // `next` stays above `from`: the fleet costs at least the lower line there, fixed + low · top, and
            // (fixed + low · top) ÷ api > fixed ÷ (api − low) = from whenever top > from.
            if (top - next <= RESOLUTION * top) {
                return search.answer(next); // the API's cost catches up within the resolution
            }
            top = next;
            costTop = search.cost(top);
        }
        double last = search.lastNotCheaper(from, top, search.cost(from), costTop);
        if (search.evaluations > MAX_EVALUATIONS) {
            return search.answer(to < MAX ? to : null); // the upper line's crossing is still a valid answer
        }
        if (Double.isNaN(last)) {
            last = from; // cannot happen (the fleet costs at least the API at `from`), but never return NaN
        }
        // `last` is below MAX: the walk left `top` below `to` (at `to` itself it answered above).
        return search.answer(last);
    }

    private Answer answer(Double requestsPerDay) {
        return new Answer(requestsPerDay, evaluations);
    }

    /** The fleet's cost just above a traffic (a step there is already taken). */
    private double cost(double requestsPerDay) {
        evaluations++;
        return fleet.monthlyCostUsd(requestsPerDay * (1 + 1e-9));
    }

    /**
     * The highest traffic in [a, b] at which the fleet costs at least the API, or NaN if there is none,
     * given the fleet's cost just above each end (the cost never falls as traffic grows).
     */
    private double lastNotCheaper(double a, double b, double costA, double costB) {
        if (costB < api * a) {
            return Double.NaN; // even the top cost stays below the API's cost at the bottom end
        }
        double m = a + (b - a) / 2;
        // (Wider than the resolution, the midpoint lies strictly inside: no floating-point stall to guard against.)
        if (costA == costB || b - a <= RESOLUTION * b || evaluations > MAX_EVALUATIONS) {
            // Flat (no step inside), or narrower than the figure is reported (a smooth cost, e.g. serverless,
            // has no flat steps to stop on): the API's cost catches up at cost / api.
            double r = Math.min(b, costB / api);
            return r >= a ? r : Double.NaN;
        }
        double costM = cost(m);
        double upper = lastNotCheaper(m, b, costM, costB);
        return Double.isNaN(upper) ? lastNotCheaper(a, m, costA, costM) : upper;
    }
}
