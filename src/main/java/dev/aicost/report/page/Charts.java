package dev.aicost.report.page;

import dev.aicost.report.Money;
import java.util.List;
import java.util.Locale;

/**
 * The page's charts as inline SVG, drawn here (no script): each is a {@code <figure>} whose SVG has
 * {@code role="img"}, a title and a description, with its numbers also in a table beside it. Training and
 * serving differ by hatching and by their labels as well as by colour.
 */
final class Charts {
    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    static final int LEFT = 64;
    static final int BOTTOM = 28;
    static final int TOP = 12;

    private Charts() {
    }

    /** One month's spend, for the stacked chart. */
    record MonthSpend(int month, double trainingUsd, double inferenceUsd) {
    }

    /** One bar of a horizontal bar chart, and its style (training hatched, serving solid, levers green). */
    record Bar(String label, double value, String css) {
        Bar(String label, double value) {
            this(label, value, null);
        }
    }

    /** The shared hatching, once per page (an invisible SVG the charts' styles refer to). */
    static String defs() {
        return "<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\" "
                + "xmlns=\"http://www.w3.org/2000/svg\"><defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" class=\"training\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch\"/></pattern></defs></svg>";
    }

    /** Monthly spend stacked: training (hatched) under serving, the break-even month marked. */
    static String monthly(List<MonthSpend> months, Integer breakEvenMonth) {
        double max = 0;
        for (MonthSpend m : months) {
            max = Math.max(max, m.trainingUsd() + m.inferenceUsd());
        }
        max = niceCeiling(max);
        int n = months.size();
        double plotWidth = WIDTH - LEFT - 8;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / Math.max(1, n);
        double bar = Math.max(1, slot * 0.8);
        StringBuilder b = open("chart-monthly", "Spend by month",
                "Stacked bars, one per month: training hatched at the bottom, serving above it"
                        + (breakEvenMonth == null ? "." : "; a line marks month " + breakEvenMonth
                                + ", when cumulative serving spend overtakes training."));
        axis(b, max, plotHeight);
        for (int i = 0; i < n; i++) {
            MonthSpend m = months.get(i);
            double x = LEFT + i * slot + (slot - bar) / 2;
            double ht = m.trainingUsd() / max * plotHeight;
            double hi = m.inferenceUsd() / max * plotHeight;
            double base = TOP + plotHeight;
            b.append("<g class=\"month\"><title>Month ").append(m.month()).append(": training $")
                    .append(Money.usd(m.trainingUsd())).append(", serving $").append(Money.usd(m.inferenceUsd()))
                    .append("</title>");
            rect(b, x, base - ht, bar, ht, "bar-training");
            rect(b, x, base - ht - hi, bar, hi, "bar-inference");
            b.append("</g>");
            if (n <= 12 || (m.month() - 1) % Math.max(1, n / 12) == 0) {
                text(b, x + bar / 2, HEIGHT - 10, "middle", Integer.toString(m.month()));
            }
        }
        if (breakEvenMonth != null && breakEvenMonth >= 1 && breakEvenMonth <= n) {
            double x = LEFT + (breakEvenMonth - 1) * slot + slot / 2;
            b.append("<line class=\"marker\" x1=\"").append(f(x)).append("\" y1=\"").append(TOP).append("\" x2=\"")
                    .append(f(x)).append("\" y2=\"").append(f(TOP + plotHeight)).append("\"/>");
            text(b, x + 4, TOP + 12, "start", "break-even, month " + breakEvenMonth);
        }
        return close(b);
    }

    /** Horizontal bars with their value written beside each (levers' savings, the lifetime split). */
    static String bars(String id, String title, String description, List<Bar> bars) {
        int rowHeight = 28;
        int height = TOP + rowHeight * Math.max(1, bars.size()) + 8;
        double max = 0;
        for (Bar bar : bars) {
            max = Math.max(max, bar.value());
        }
        StringBuilder b = new StringBuilder();
        b.append("<svg id=\"").append(id).append("\" class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\" xmlns=\"http://www.w3.org/2000/svg\">").append("<title id=\"").append(id)
                .append("-title\">").append(Html.text(title)).append("</title><desc id=\"").append(id).append("-desc\">")
                .append(Html.text(description)).append("</desc>");
        double labelWidth = 230;
        double plot = WIDTH - labelWidth - 110;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = TOP + i * rowHeight;
            double w = max > 0 ? bar.value() / max * plot : 0;
            text(b, labelWidth - 8, y + 17, "end", bar.label());
            rect(b, labelWidth, y + 4, Math.max(1, w), rowHeight - 10, bar.css() != null ? bar.css()
                    : i % 2 == 0 ? "bar-lever" : "bar-lever-alt");
            text(b, labelWidth + Math.max(1, w) + 6, y + 17, "start", "$" + Money.usd(bar.value()));
        }
        return b.append("</svg>").toString();
    }

    /** Relative traffic by hour of day (the request's daily shape), peak hour labelled. */
    static String hours(double[] weights) {
        double max = 0;
        int peak = 0;
        for (int h = 0; h < weights.length; h++) {
            if (weights[h] > max) {
                max = weights[h];
                peak = h;
            }
        }
        double plotWidth = WIDTH - LEFT - 8;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / weights.length;
        StringBuilder b = open("chart-hours", "Traffic by hour of day",
                "Bars of the request's daily traffic shape, one per hour (UTC); the busiest is hour " + peak + ".");
        for (int h = 0; h < weights.length; h++) {
            double hh = max > 0 ? weights[h] / max * plotHeight : 0;
            rect(b, LEFT + h * slot + slot * 0.1, TOP + plotHeight - hh, slot * 0.8, hh,
                    h == peak ? "bar-peak" : "bar-inference");
            if (h % 3 == 0) {
                text(b, LEFT + h * slot + slot / 2, HEIGHT - 10, "middle", h + "h");
            }
        }
        return close(b);
    }

    private static StringBuilder open(String id, String title, String description) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<svg id=\"").append(id).append("\" class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\" xmlns=\"http://www.w3.org/2000/svg\">").append("<title id=\"")
                .append(id).append("-title\">").append(Html.text(title)).append("</title><desc id=\"").append(id)
                .append("-desc\">").append(Html.text(description)).append("</desc>");
        return b;
    }

    private static String close(StringBuilder b) {
        return b.append("</svg>").toString();
    }

    private static void axis(StringBuilder b, double max, double plotHeight) {
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4;
            double y = TOP + plotHeight - plotHeight * i / 4;
            b.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(f(y)).append("\" x2=\"")
                    .append(WIDTH - 8).append("\" y2=\"").append(f(y)).append("\"/>");
            text(b, LEFT - 6, y + 4, "end", "$" + Money.usd(v));
        }
    }

    private static void rect(StringBuilder b, double x, double y, double w, double h, String css) {
        b.append("<rect class=\"").append(css).append("\" x=\"").append(f(x)).append("\" y=\"").append(f(y))
                .append("\" width=\"").append(f(w)).append("\" height=\"").append(f(Math.max(0, h))).append("\"/>");
    }

    private static void text(StringBuilder b, double x, double y, String anchor, String s) {
        b.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" text-anchor=\"").append(anchor)
                .append("\">").append(Html.text(s)).append("</text>");
    }

    /** 1, 2 or 5 times a power of ten, at or above {@code v}: round axis labels. */
    static double niceCeiling(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
