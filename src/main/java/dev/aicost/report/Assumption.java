package dev.aicost.report;

/** One value the engine used that the request did not give (or that overrode the catalog), and why. */
public record Assumption(String name, String value, String reason) {
}
