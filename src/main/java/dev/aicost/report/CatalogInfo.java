package dev.aicost.report;

/** The catalog the estimate used: its date, so readers know how old the prices are. */
public record CatalogInfo(String asOf) {
}
