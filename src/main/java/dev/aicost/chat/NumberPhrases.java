package dev.aicost.chat;

import dev.aicost.chat.Mention.Slot;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A number and what follows it (a count, traffic, tokens, time, money, a share, a size), and latency targets. */
abstract class NumberPhrases extends TrafficPhrases {
    NumberPhrases(Names names, List<Word> words, String text) {
        super(names, words, text);
    }


    static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|sec|secs)");

    static final Pattern SIZE = Pattern.compile("\\d+(?:\\.\\d+)?b");

    static final Set<String> LATENCY_GLUE = Set.of("<", "<=", "≤", "under", "below", "within", "in", "of",
            "max", "at", "most", "less", "than", "is", "=", "about", "around", "target", "p95", "p99", "p90", "p50");

    /** ttft 500ms, p95 < 1s, latency under 2 seconds, first token in 1.5 s, time to first token under 300ms. */
    int latency(int i) {
        String t = w(i);
        Slot slot;
        int j;
        if (t.equals("ttft")) {
            slot = Slot.TTFT;
            j = i + 1;
        } else if (t.equals("first") && w(i + 1).equals("token")) {
            slot = Slot.TTFT;
            j = i + 2;
        } else if (t.equals("time") && w(i + 1).equals("to") && w(i + 2).equals("first") && w(i + 3).equals("token")) {
            slot = Slot.TTFT;
            j = i + 4;
        } else if (t.equals("tpot") || t.equals("itl")) {
            slot = Slot.TPOT;
            j = i + 1;
        } else if (t.equals("e2e") || t.equals("latency") || t.matches("p(50|90|95|99)") || t.equals("response")
                && w(i + 1).equals("time")) {
            slot = Slot.E2E;
            j = t.equals("response") ? i + 2 : i + 1;
        } else {
            return 0;
        }
        while (j < i + 7 && LATENCY_GLUE.contains(w(j)) || w(j).equals("latency") && j < i + 7) {
            j++;
        }
        int n = latencyDuration(j);
        if (n == 0) {
            return 0;
        }
        add(slot, null, milliseconds(j), i, j + n);
        return j + n - i;
    }

    /** A duration at {@code i} ("500ms", "1.5 s", "2 seconds"): its length in words (0: none). */
    int latencyDuration(int i) {
        if (DURATION.matcher(w(i)).matches()) {
            return 1;
        }
        if (w(i).matches("\\d+(\\.\\d+)?") && w(i + 1).matches("ms|s|sec|secs|second|seconds|milliseconds")) {
            return 2;
        }
        return 0;
    }

    double milliseconds(int i) {
        Matcher m = DURATION.matcher(w(i));
        if (m.matches()) {
            double v = Double.parseDouble(m.group(1));
            return m.group(2).equals("ms") ? v : v * 1000;
        }
        double v = Double.parseDouble(w(i));
        return w(i + 1).startsWith("m") ? v : v * 1000;
    }

    /** A number at {@code i} and what follows it. */
    int number(int i) {
        String t = w(i);
        if (Words.DOTTED_THOUSANDS.matcher(t).matches()) {
            String decimal = t.replaceAll("0+$", "").replaceAll("\\.$", "");
            problem("'" + typed(i, i + 1) + "': " + decimal + " or " + t.replace('.', ',') + "?",
                    "try: `" + t.replace(".", "") + "` (no thousands separator) or `" + t.replace(".", ",") + "`",
                    fix(i, i + 1, text.substring(ws.get(i).start(), ws.get(i).end()).replace(".", "")));
            return 1;
        }
        Matcher percent = PERCENT.matcher(t);
        if (percent.matches()) {
            return percentPhrase(i, Double.parseDouble(percent.group(1)) / 100);
        }
        if (t.endsWith("x") && t.matches("\\d+x")) {
            Mention acc = accelerator(i + 1);
            if (acc != null) {
                add(Slot.COUNT, null, Double.parseDouble(t.substring(0, t.length() - 1)), i, i + 1);
                return 1;
            }
            return 0;
        }
        if (latencyDuration(i) > 0) {
            int n = latencyDuration(i);
            if (w(i + n).equals("/token") || w(i + n).equals("per") && w(i + n + 1).equals("token")) {
                int end = i + n + (w(i + n).equals("per") ? 2 : 1);
                add(Slot.TPOT, null, milliseconds(i), i, end);
                return end - i;
            }
            return 0;
        }
        double value = Words.number(t);
        if (Double.isNaN(value)) {
            return 0;
        }
        int j = i + 1;
        if (SCALE_WORDS.contains(w(j))) {
            value *= Words.scale(scaleKey(w(j)));
            j++;
        }
        boolean size = SIZE.matcher(t).matches() && j == i + 1;
        if (t.startsWith("$")) {
            int period = monthlyPeriod(j);
            if (period > 0) {
                add(Slot.BUDGET, null, value, i, j + period);
                return j + period - i;
            }
            return 0;
        }
        // A range: "20k to 80k requests/day", "between 20k and 80k requests/day".
        if ((w(j).equals("to") || w(i - 1).equals("between") && w(j).equals("and")) && !Double.isNaN(Words.number(w(j + 1)))) {
            double high = Words.number(w(j + 1));
            int k = j + 2;
            if (REQUEST_WORDS.contains(w(k))) {
                k++;
            }
            double perDay = RATE_WORDS.containsKey(w(k)) ? RATE_WORDS.get(w(k)) : perDay(k);
            if (!Double.isNaN(perDay)) {
                int end = k + (RATE_WORDS.containsKey(w(k)) ? 1 : periodLength(k));
                int from = w(i - 1).equals("between") ? i - 1 : i;
                if (high < value) {
                    problem("'" + typed(from, end) + "' runs downwards", "the low end first, e.g. `20k-80k requests/day`");
                    return end - i;
                }
                found.add(new Mention(Slot.TRAFFIC, null, daily(value, perDay), daily(high, perDay), from, end, typed(from, end)));
                return end - i;
            }
        }
        Mention acc = accelerator(j);
        if (acc != null && !(value >= 1 && value == Math.rint(value))) {
            problem("'" + typed(i, j + (acc.to() - acc.from())) + "': how many accelerators?",
                    "a whole number of them, e.g. `8 h100`", fix(i, j, "1"));
            return j - i;
        }
        if (acc != null) {
            add(Slot.COUNT, null, value, i, j);
            return j - i;
        }
        if (w(j).startsWith("gpu") || w(j).equals("chips") || w(j).equals("accelerators") || w(j).equals("cards")) {
            add(Slot.COUNT, null, value, i, j + 1);
            return j + 1 - i;
        }
        if (w(j).equals("nodes") || w(j).equals("node")) {
            return 0;
        }
        if (w(j).equals("epochs") || w(j).equals("epoch")) {
            add(Slot.EPOCHS, null, value, i, j + 1);
            return j + 1 - i;
        }
        if (ws.get(j - 1).clauseEnd()) {
            j = ws.size(); // "team of 4, ticket …": what follows a comma is not this number's unit
        }
        int n;
        if ((n = tokens(i, j, value)) > 0 || (n = users(i, j, value)) > 0 || (n = traffic(i, j, value)) > 0
                || (n = lengths(i, j, value)) > 0 || (n = timeSpan(i, j, value)) > 0) {
            return n;
        }
        if (size && value >= 1e8 && value <= 1e13) {
            int end = w(j).equals("model") || w(j).startsWith("param") ? j + 1 : j;
            add(Slot.CUSTOM_MODEL, null, value, i, end, i, i + 1);
            return end - i;
        }
        return 0;
    }

    int percentPhrase(int i, double share) {
        int j = i + 1;
        if (w(j).equals("cache") || w(j).equals("cached")) {
            int k = j + 1;
            while (k < j + 4 && (w(k).equals("hit") || w(k).equals("hits") || w(k).equals("rate"))) {
                k++;
            }
            add(Slot.CACHE, null, share, i, k);
            return k - i;
        }
        if (w(j).equals("of") && w(j + 1).equals("requests") && w(j + 2).equals("cached")) {
            add(Slot.CACHE, null, share, i, j + 3);
            return j + 3 - i;
        }
        int period = monthlyPeriod(j);
        if (period > 0 && w(j + period).startsWith("grow") || w(j).equals("growth")) {
            int end = j + period + 1;
            add(Slot.GROWTH, null, share, i, end);
            return end - i;
        }
        if (w(j).equals("monthly") && w(j + 1).equals("growth")) {
            add(Slot.GROWTH, null, share, i, j + 2);
            return j + 2 - i;
        }
        if (period > 0 && (w(i - 1).startsWith("grow"))) {
            add(Slot.GROWTH, null, share, i - 1, j + period);
            return j + period - i;
        }
        return 0;
    }
}
