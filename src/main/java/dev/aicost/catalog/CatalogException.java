package dev.aicost.catalog;

/** A broken catalog data file: names the file, the line and what is wrong with it. */
public final class CatalogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CatalogException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
