package dev.aicost.catalog;

import java.time.LocalDate;
import java.util.Objects;

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
        return text + " (" + date + ", " + status + ")";
    }
}
