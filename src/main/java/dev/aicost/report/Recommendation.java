package dev.aicost.report;

import java.util.List;

/** Where to spend optimisation effort, with the rules that fired and their numbers. */
public record Recommendation(String focus, List<String> reasons) {
}
