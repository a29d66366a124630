package dev.aicost.chat;

import java.util.Comparator;
import java.util.List;

/**
 * What would resolve one problem of a message: characters {@code [start, end)} replaced by
 * {@code replacement} (an insertion when start == end). Applied together they make the rewrite a
 * refusal suggests, which is offered only when it reads without problems.
 */
record Fix(int start, int end, String replacement) {

    /** The text with every fix applied (later ones first, so that offsets stay right; overlaps skipped). */
    static String apply(String text, List<Fix> fixes) {
        StringBuilder s = new StringBuilder(text);
        int limit = Integer.MAX_VALUE;
        for (Fix f : fixes.stream().sorted(Comparator.comparingInt(Fix::start).reversed()).toList()) {
            if (f.end() > limit) {
                continue;
            }
            s.replace(f.start(), f.end(), f.replacement());
            limit = f.start();
        }
        return s.toString().replaceAll("\\s+", " ").replaceAll(" ([,.?!])", "$1").replaceAll("([,;])(\\s*[,;])+", "$1")
                .replaceAll("^[\\s,;]+|[\\s,;]+$", "").strip();
    }
}
