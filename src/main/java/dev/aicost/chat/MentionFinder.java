package dev.aicost.chat;

import dev.aicost.chat.Mention.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds what a message says, word by word: names, numbers with their units, and the few keywords that
 * carry meaning (spot, fp8, fine-tune, vs…). Words that carry none (greetings, questions, filler) are
 * skipped; a skipped word with a digit in it is kept as "ignored", since it may have mattered.
 */
final class MentionFinder extends NumberPhrases {
    MentionFinder(Names names, List<Word> words, String text) {
        super(names, words, text);
    }

    /** Every mention, in the order typed; the words it could not place are in {@link #ignored()}. */
    MentionFinder run() {
        int i = 0;
        while (i < ws.size()) {
            int n = at(i);
            if (n > 0) {
                for (int k = i; k < i + n; k++) {
                    used[k] = true;
                }
                i += n;
            } else {
                i++;
            }
        }
        return this;
    }

    /** Skipped words that may have mattered: a number and the word after it, or a word with a digit. */
    List<String> ignored() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ws.size(); i++) {
            Word w = ws.get(i);
            if (!used[i] && HALF_SAID.contains(w.text())) {
                out.add(text.substring(w.start(), w.end())); // "ttft soon", "budget lots": a keyword without its value
                continue;
            }
            if (used[i] || !w.text().matches(".*\\d.*")) {
                continue;
            }
            String token = text.substring(w.start(), w.end());
            boolean wholeToken = i > 0 && ws.get(i - 1).start() == w.start() || i + 1 < ws.size()
                    && ws.get(i + 1).start() == w.start();
            if (wholeToken) {
                if (out.isEmpty() || !out.get(out.size() - 1).equals(token)) {
                    out.add(token);
                }
                continue;
            }
            if (!w.clauseEnd() && i + 1 < ws.size() && !used[i + 1] && ws.get(i + 1).text().matches("[a-z]+")
                    && !STOP.contains(ws.get(i + 1).text())) {
                out.add(token + " " + typed(i + 1, i + 2));
                i++;
            } else {
                out.add(token);
            }
        }
        return out;
    }

    static final Set<String> HALF_SAID = Set.of("ttft", "tpot", "e2e", "budget", "growth", "cache", "p95", "p99",
            "p90", "p50");

    static final Set<String> STOP = Set.of("and", "or", "of", "the", "a", "an", "to", "for", "on", "in",
            "with", "at", "is", "are", "we", "our", "it");

    /** What the words at {@code i} say; the number of words read (0: none). */
    int at(int i) {
        String t = w(i);
        int n;
        if ((n = name(i)) > 0 || (n = keyword(i)) > 0 || (n = latency(i)) > 0 || (n = number(i)) > 0) {
            return n;
        }
        return 0;
    }

    int name(int i) {
        Names.Match m = names.match(ws, i);
        if (m == null) {
            return 0;
        }
        String typed = typed(i, i + m.length());
        if (m.unknown() != null) {
            String what = m.kind() == Names.Kind.HOSTED_API ? "hosted API" : "model";
            modelProblem = true;
            problem("no catalog " + what + " matches '" + typed + "'" + (m.near().isEmpty() ? ""
                    : " (" + m.unknown() + " in the catalog: " + String.join(", ", m.near()) + ")"),
                    m.near().isEmpty() ? "a catalog " + what : "try: `" + m.near().get(0) + "`",
                    m.near().isEmpty() ? null : fix(i, i + m.length(), m.near().get(0)));
            return m.length();
        }
        if (m.ids().size() > 1) {
            modelProblem = true;
            problem("'" + typed + "': which size? " + String.join(", ", m.ids()), "try: `" + m.ids().get(0) + "`",
                    fix(i, i + m.length(), m.ids().get(0)));
            return m.length();
        }
        Slot slot = switch (m.kind()) {
            case MODEL -> Slot.MODEL;
            case ACCELERATOR -> Slot.ACCELERATOR;
            case HOSTED_API -> Slot.HOSTED_API;
            case PROVIDER -> Slot.PROVIDER;
        };
        int length = m.length();
        if (m.kind() == Names.Kind.PROVIDER && (w(i + length).equals("api") || w(i + length).equals("ai"))) {
            length++;
        }
        found.add(new Mention(slot, m.id(), m.newest() ? 1 : Double.NaN, Double.NaN, i, i + length, typed));
        return length;
    }
}
