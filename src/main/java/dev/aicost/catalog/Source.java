package dev.aicost.catalog;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Where a catalog row comes from: the text of the source, its date and how sure we are. */
public record Source(String text, LocalDate date, String status) {

    public Source {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(status, "status");
    }

    public static Source request() {
        return new Source("given in the request", LocalDate.of(1970, 1, 1), "request");
    }

    public boolean fromRequest() {
        return "request".equals(status);
    }

    /** Short form for assumptions: "NVIDIA H100 datasheet (2023-03-21, secondary)". */
    public String cite() {
        if (fromRequest()) {
            return text;
        }
        // Written once per catalog row: every run cites the rows it uses (a few percent of a warm report).
        String known = CITED.get(this);
        return known != null ? known : CITED.computeIfAbsent(this, s -> s.text + " (" + s.date + ", " + s.status + ")");
    }

    // Written out rather than generated: a record's own equals and hashCode go through method handles,
    // which Lambda's C1-only JVM runs slowly, and every run of the engine looks up the citations of
    // the rows it uses. The same value semantics.

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Source s && text.equals(s.text) && date.equals(s.date) && status.equals(s.status);
    }

    @Override
    public int hashCode() {
        return (31 * text.hashCode() + date.hashCode()) * 31 + status.hashCode();
    }

    /** Citations already written, by source (catalog rows: a bounded set). */
    private static final Map<Source, String> CITED = new ConcurrentHashMap<>();
}
