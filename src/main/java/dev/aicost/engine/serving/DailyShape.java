package dev.aicost.engine.serving;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A day of 24 hourly traffic weights with mean 1: the request's own {@code hourlyShape}, or a
 * smooth day (busiest at 15:00, quietest at 03:00) whose peak is the given peak-to-average ratio.
 * Solving the smooth day takes a bisection, so each ratio is solved once per engine: requests and
 * the advisor's re-runs repeat a handful of ratios.
 */
public final class DailyShape {
    private static final int HOURS = 24;
    private static final int MAX_CACHED = 64;

    private final Map<Double, double[]> solved = new ConcurrentHashMap<>();

    /** The smooth day with this peak over average (flat at 1 or below). Callers must not modify it. */
    public double[] smooth(double peakToAverage) {
        double[] shape = solved.get(peakToAverage);
        if (shape == null) {
            if (solved.size() >= MAX_CACHED) {
                solved.clear(); // bounded: odd ratios from many callers must not grow the cache
            }
            shape = solve(peakToAverage);
            solved.put(peakToAverage, shape);
        }
        return shape;
    }

    private static double[] solve(double peakToAverage) {
        if (peakToAverage <= 1.0) {
            double[] flat = new double[HOURS];
            Arrays.fill(flat, 1.0);
            return flat;
        }
        // The peak of exp(k·cos) normalised to mean 1 grows monotonically with k: bisect on k.
        double lo = 0;
        double hi = 50;
        for (int i = 0; i < 60; i++) {
            double k = (lo + hi) / 2;
            if (max(normalised(cosine(k))) < peakToAverage) {
                lo = k;
            } else {
                hi = k;
            }
        }
        return normalised(cosine(hi));
    }

    private static double[] cosine(double k) {
        double[] w = new double[HOURS];
        for (int h = 0; h < HOURS; h++) {
            w[h] = Math.exp(k * Math.cos(2 * Math.PI * (h - 15) / (double) HOURS));
        }
        return w;
    }

    /** Weights scaled to mean 1. */
    public static double[] normalised(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        double mean = sum / w.length;
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] / mean;
        }
        return out;
    }

    public static double max(double[] w) {
        double m = 0;
        for (double v : w) {
            m = Math.max(m, v);
        }
        return m;
    }
}
