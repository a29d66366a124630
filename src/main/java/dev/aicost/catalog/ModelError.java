package dev.aicost.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How far the engine's own estimates fall from published figures: per figure and segment, the
 * spread of ln(estimate / published) over the calibration cases, as the factors that turn an
 * estimate into the 10th and 90th percentile of what would be measured. The file is generated
 * from the calibration cases by a test (never typed by hand), so ranges move when calibration does.
 */
public final class ModelError {

    /** Which estimate a row measures. */
    public enum Figure implements WireName {
        /** Accelerator-hours of a full production training run (failures and restarts included). */
        TRAINING_PRODUCTION,
        /** Accelerator-hours at a tuned framework benchmark's steady-state throughput. */
        TRAINING_TUNED,
        /** Output tokens per second per accelerator of a serving replica. */
        SERVING_THROUGHPUT,
        /** Time to first token and time per output token. */
        SERVING_LATENCY;

        static final Map<String, Figure> BY_WIRE = WireName.byWireName(List.of(values()));
    }

    /** Any vendor, precision or model kind. */
    public static final String ANY = "*";

    /**
     * One row: the cases of a segment ({@link #ANY} where a column is not split), their mean and
     * sample standard deviation of ln(estimate / published), and the factors for P10 and P90.
     */
    public record Row(Figure figure, String vendor, String precision, String model, int cases, double bias,
            double spread, double p10Factor, double p90Factor, List<String> calibratedOn) {
        public Row(Figure figure, String vendor, String precision, String model, int cases, double bias,
                double spread, double p10Factor, double p90Factor) {
            this(figure, vendor, precision, model, cases, bias, spread, p10Factor, p90Factor, List.of());
        }

        public Row {
            calibratedOn = List.copyOf(calibratedOn);
            Objects.requireNonNull(figure, "figure");
            Checks.positive(p10Factor, "p10Factor");
            Checks.positive(p90Factor, "p90Factor");
            if (p10Factor > p90Factor) {
                throw new IllegalArgumentException("p10Factor " + p10Factor + " is above p90Factor " + p90Factor);
            }
            if (spread < 0) {
                throw new IllegalArgumentException("spread must not be negative, got " + spread);
            }
        }

        boolean matches(String vendor, String precision, String model) {
            return (this.vendor.equals(ANY) || this.vendor.equals(vendor))
                    && (this.precision.equals(ANY) || this.precision.equals(precision))
                    && (this.model.equals(ANY) || this.model.equals(model));
        }

        int specificity() {
            return (vendor.equals(ANY) ? 0 : 1) + (precision.equals(ANY) ? 0 : 1) + (model.equals(ANY) ? 0 : 1);
        }

        /**
         * Whether this row is for requests outside the calibrated envelope: on an accelerator none of the
         * figure's calibration cases ran on ({@code calibratedOn} lists those that did).
         */
        public boolean outside() {
            return !calibratedOn.isEmpty();
        }

        /** "nvidia, bf16, dense", "all" for a figure's pooled row, or the envelope an outside row is outside of. */
        public String segment() {
            if (outside()) {
                return "outside the calibrated accelerators (" + String.join(", ", calibratedOn) + ")";
            }
            List<String> parts = new ArrayList<>();
            for (String p : List.of(vendor, precision, model)) {
                if (!p.equals(ANY)) {
                    parts.add(p);
                }
            }
            return parts.isEmpty() ? "all" : String.join(", ", parts);
        }
    }

    private final LocalDate asOf;
    private final List<Row> rows;

    ModelError(LocalDate asOf, List<Row> rows) {
        this.asOf = asOf;
        this.rows = List.copyOf(rows);
        for (Figure f : Figure.values()) {
            if (rows.stream().noneMatch(r -> r.figure() == f && r.specificity() == 0 && !r.outside())) {
                throw new IllegalArgumentException("no pooled row (*, *, *) for figure " + f.wireName());
            }
        }
    }

    static ModelError of(DataTable table) {
        List<Row> rows = new ArrayList<>();
        for (DataTable.Row row : table.rows()) {
            String figure = row.oneOf("figure", Figure.BY_WIRE.keySet());
            try {
                String calibrated = row.optionalText("calibratedOn");
                rows.add(new Row(Figure.BY_WIRE.get(figure), row.text("vendor"), row.text("precision"),
                        row.oneOf("model", Set.of(ANY, "dense", "moe")), row.positiveInt("cases"), row.number("bias"),
                        row.number("spread"), row.positive("p10Factor"), row.positive("p90Factor"),
                        calibrated == null ? List.of() : List.of(calibrated.split(" "))));
            } catch (IllegalArgumentException e) {
                throw new CatalogException(row.file(), row.line(), e.getMessage());
            }
        }
        try {
            return new ModelError(table.asOf(), rows);
        } catch (IllegalArgumentException e) {
            throw new CatalogException(table.file(), 0, e.getMessage());
        }
    }

    /** The date the table was generated from the calibration cases. */
    public LocalDate asOf() {
        return asOf;
    }

    public List<Row> rows() {
        return rows;
    }

    /**
     * The most specific row that covers the segment (a segment with too few cases has no row of its
     * own and falls back to its vendor's, then to the figure's pooled row).
     */
    public Row lookup(Figure figure, String vendor, String precision, boolean moe) {
        return lookup(figure, null, vendor, precision, moe);
    }

    /**
     * As {@link #lookup(Figure, String, String, boolean)}, for a request on {@code accelerator}: where the
     * figure has an outside row and none of its calibration cases ran on that accelerator, the outside row
     * (its error is that of estimates made without the hardware's own calibration). A null accelerator is
     * taken as calibrated.
     */
    public Row lookup(Figure figure, String accelerator, String vendor, String precision, boolean moe) {
        if (accelerator != null) {
            for (Row r : rows) {
                if (r.figure() == figure && r.outside() && !r.calibratedOn().contains(accelerator)) {
                    return r;
                }
            }
        }
        String model = moe ? "moe" : "dense";
        Row best = null;
        for (Row r : rows) {
            if (r.figure() == figure && !r.outside() && r.matches(vendor, precision, model)
                    && (best == null || r.specificity() > best.specificity())) {
                best = r;
            }
        }
        return best; // never null: every figure has a pooled row
    }
}
