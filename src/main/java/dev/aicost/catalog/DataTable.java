package dev.aicost.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A '|'-separated data file with '#' comments, an '@asOf' date and a header line. Every read
 * of a cell is checked; a problem names the file, line and column, so a broken row fails loudly.
 */
final class DataTable {
    private final String file;
    private final LocalDate asOf;
    private final List<Row> rows;

    private DataTable(String file, LocalDate asOf, List<Row> rows) {
        this.file = file;
        this.asOf = asOf;
        this.rows = rows;
    }

    static DataTable read(String file, Reader reader) {
        List<Row> rows = new ArrayList<>();
        String[] header = null;
        LocalDate asOf = null;
        try (BufferedReader in = new BufferedReader(reader)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (trimmed.startsWith("@asOf")) {
                    asOf = parseDate(file, number, "@asOf", trimmed.substring(5).strip());
                    continue;
                }
                String[] cells = Arrays.stream(trimmed.split("\\|", -1)).map(String::strip).toArray(String[]::new);
                if (header == null) {
                    header = cells;
                    Set<String> seen = new HashSet<>();
                    for (String h : header) {
                        if (h.isEmpty() || !seen.add(h)) {
                            throw new CatalogException(file, number, "empty or repeated column name '" + h + "'");
                        }
                    }
                    continue;
                }
                if (cells.length != header.length) {
                    throw new CatalogException(file, number,
                            "expected " + header.length + " cells, found " + cells.length);
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    values.put(header[i], cells[i]);
                }
                rows.add(new Row(file, number, values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (asOf == null) {
            throw new CatalogException(file, 0, "missing '@asOf' date line");
        }
        if (rows.isEmpty()) {
            throw new CatalogException(file, 0, "no data rows");
        }
        return new DataTable(file, asOf, List.copyOf(rows));
    }

    static DataTable resource(String path) {
        InputStream in = DataTable.class.getResourceAsStream(path);
        if (in == null) {
            throw new CatalogException(path, 0, "resource not found on the classpath");
        }
        return read(path, new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    String file() {
        return file;
    }

    LocalDate asOf() {
        return asOf;
    }

    List<Row> rows() {
        return rows;
    }

    /** YYYY-MM-DD, parsed by hand: java.time's formatter costs tens of milliseconds on a cold JVM. */
    private static LocalDate parseDate(String file, int line, String column, String text) {
        try {
            if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
                return LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(5, 7)),
                        Integer.parseInt(text.substring(8, 10)));
            }
        } catch (NumberFormatException | DateTimeException e) {
            // reported below
        }
        throw new CatalogException(file, line, column + ": '" + text + "' is not a date (YYYY-MM-DD)");
    }

    /** One data row; each getter validates its cell. */
    record Row(String file, int line, Map<String, String> cells) {

        /** The cell's text, or null for '-' (not applicable). */
        String optionalText(String column) {
            String v = cells.get(column);
            if (v == null) {
                throw fail(column, "missing column");
            }
            return v.equals("-") ? null : text(column);
        }

        String text(String column) {
            String v = cells.get(column);
            if (v == null) {
                throw fail(column, "missing column");
            }
            if (v.isEmpty() || v.equals("-")) {
                throw fail(column, "a value is required");
            }
            return v;
        }

        double positive(String column) {
            OptionalDouble v = optionalPositive(column);
            if (v.isEmpty()) {
                throw fail(column, "a value is required");
            }
            return v.getAsDouble();
        }

        OptionalDouble optionalPositive(String column) {
            String v = cells.get(column);
            if (v == null) {
                throw fail(column, "missing column");
            }
            if (v.equals("-")) {
                return OptionalDouble.empty();
            }
            double d;
            try {
                d = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw fail(column, "'" + v + "' is not a number");
            }
            if (!(d > 0) || Double.isInfinite(d)) {
                throw fail(column, "must be positive, got " + v);
            }
            return OptionalDouble.of(d);
        }

        /** Any finite number (a signed bias, a spread that may be 0). */
        double number(String column) {
            String v = text(column);
            try {
                double d = Double.parseDouble(v);
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw fail(column, "'" + v + "' is not a finite number");
        }

        int positiveInt(String column) {
            double d = positive(column);
            if (d != Math.rint(d) || d > Integer.MAX_VALUE) {
                throw fail(column, "must be a whole number, got " + cells.get(column));
            }
            return (int) d;
        }

        int optionalPositiveInt(String column) {
            OptionalDouble d = optionalPositive(column);
            return d.isEmpty() ? 0 : positiveInt(column);
        }

        boolean yesNo(String column) {
            String v = text(column);
            if (v.equals("yes")) {
                return true;
            }
            if (v.equals("no")) {
                return false;
            }
            throw fail(column, "must be 'yes' or 'no', got '" + v + "'");
        }

        String oneOf(String column, Set<String> allowed) {
            String v = text(column);
            if (!allowed.contains(v)) {
                throw fail(column, "'" + v + "' is not one of " + allowed);
            }
            return v;
        }

        Source source() {
            String status = oneOf("status", Set.of("confirmed", "secondary", "derived", "estimate"));
            return new Source(text("source"), parseDate(file, line, "date", text("date")), status);
        }

        CatalogException fail(String column, String problem) {
            return new CatalogException(file, line, column + ": " + problem);
        }
    }
}
