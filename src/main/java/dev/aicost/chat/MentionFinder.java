package dev.aicost.chat;

import dev.aicost.chat.Mention.Slot;
import dev.aicost.request.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a message says, word by word: names, numbers with their units, and the few keywords that
 * carry meaning (spot, fp8, fine-tune, vs…). Words that carry none (greetings, questions, filler) are
 * skipped; a skipped word with a digit in it is kept as "ignored", since it may have mattered.
 */
final class MentionFinder {
    static final Set<String> REQUEST_WORDS = Set.of("req", "reqs", "request", "requests", "query", "queries", "call",
            "calls", "chat", "chats", "conversation", "conversations", "message", "messages", "ticket", "tickets",
            "image", "images", "inference", "inferences", "prediction", "predictions", "generation", "generations",
            "question", "questions", "session", "sessions", "interaction", "interactions", "prompts", "completions",
            "turns", "documents", "docs", "summaries", "emails");
    private static final Map<String, Double> RATE_WORDS = Map.of("rpd", 1.0, "rps", 86_400.0, "qps", 86_400.0,
            "rpm", 1_440.0, "qpm", 1_440.0, "rph", 24.0, "qpd", 1.0);
    private static final Set<String> USER_WORDS = Set.of("users", "user", "customers", "employees", "dau", "people",
            "subscribers", "members", "agents", "seats");
    private static final Set<String> TOKEN_WORDS = Set.of("tokens", "token", "tok", "toks");
    private static final Set<String> INPUT_WORDS = Set.of("in", "input", "inputs", "prompt", "prompts", "context");
    private static final Set<String> OUTPUT_WORDS = Set.of("out", "output", "outputs", "completion", "completions",
            "answer", "answers", "response", "responses", "reply", "replies", "generation", "generated");
    private static final Map<String, String> PRECISIONS = Map.ofEntries(Map.entry("fp8", "fp8"),
            Map.entry("int8", "int8"), Map.entry("int4", "int4"), Map.entry("fp4", "fp4"), Map.entry("nvfp4", "fp4"),
            Map.entry("bf16", "bf16"), Map.entry("fp16", "fp16"), Map.entry("fp32", "fp32"), Map.entry("tf32", "tf32"),
            Map.entry("awq", "int4"), Map.entry("gptq", "int4"), Map.entry("4bit", "int4"), Map.entry("8bit", "int8"),
            Map.entry("w4a16", "int4"), Map.entry("w8a8", "int8"));
    private static final Map<String, String> WORD_NUMBERS = Map.ofEntries(Map.entry("a", "1"), Map.entry("an", "1"),
            Map.entry("one", "1"), Map.entry("single", "1"), Map.entry("two", "2"), Map.entry("three", "3"),
            Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"),
            Map.entry("eight", "8"), Map.entry("ten", "10"), Map.entry("twelve", "12"));
    private static final Set<String> SCALE_WORDS = Set.of("thousand", "million", "mil", "mln", "billion", "bn", "trillion");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)%");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|sec|secs)");
    private static final Pattern SIZE = Pattern.compile("\\d+(?:\\.\\d+)?b");
    private static final Pattern TERM = Pattern.compile("([13])(y|yr|yrs|year|years)");
    private static final Set<String> COMMIT_WORDS = Set.of("commit", "commitment", "committed", "reserved",
            "reservation", "term");
    private static final Set<String> LATENCY_GLUE = Set.of("<", "<=", "≤", "under", "below", "within", "in", "of",
            "max", "at", "most", "less", "than", "is", "=", "about", "around", "target", "p95", "p99", "p90", "p50");

    private final Names names;
    private final List<Word> ws;
    final List<Mention> found = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    /** Per problem, what would resolve it (null: nothing mechanical). */
    final List<Fix> fixes = new ArrayList<>();
    private final boolean[] used;
    /** A model was named but could not be resolved (its own problem says why). */
    boolean modelProblem;
    private final String text;

    MentionFinder(Names names, List<Word> words, String text) {
        this.names = names;
        this.ws = words;
        this.text = text;
        this.used = new boolean[words.size()];
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

    private static final Set<String> HALF_SAID = Set.of("ttft", "tpot", "e2e", "budget", "growth", "cache", "p95", "p99",
            "p90", "p50");
    private static final Set<String> STOP = Set.of("and", "or", "of", "the", "a", "an", "to", "for", "on", "in",
            "with", "at", "is", "are", "we", "our", "it");

    String typed(int from, int to) {
        return text.substring(ws.get(from).start(), ws.get(to - 1).end());
    }

    String word(int i) {
        return w(i);
    }

    private String w(int i) {
        return i >= 0 && i < ws.size() ? ws.get(i).text() : "";
    }

    private boolean free(int i) {
        return i < ws.size() && !used[i];
    }

    private void add(Slot slot, String id, double value, int from, int to) {
        found.add(Mention.of(slot, id, value, from, to, typed(from, to)));
    }

    private void add(Slot slot, String id, double value, int from, int to, int typedFrom, int typedTo) {
        found.add(Mention.of(slot, id, value, from, to, typed(typedFrom, typedTo)));
    }

    private void problem(String problem, String allowed) {
        problem(problem, allowed, null);
    }

    private void problem(String problem, String allowed, Fix fix) {
        problems.add(new Problem("text", problem, allowed));
        fixes.add(fix);
    }

    /** Words [from, to) replaced by a text. */
    Fix fix(int from, int to, String replacement) {
        return new Fix(ws.get(from).start(), ws.get(to - 1).end(), replacement);
    }

    int start(int word) {
        return ws.get(word).start();
    }

    int end(int wordEnd) {
        return ws.get(wordEnd - 1).end();
    }

    /** What the words at {@code i} say; the number of words read (0: none). */
    private int at(int i) {
        String t = w(i);
        int n;
        if ((n = name(i)) > 0 || (n = keyword(i)) > 0 || (n = latency(i)) > 0 || (n = number(i)) > 0) {
            return n;
        }
        return 0;
    }

    private int name(int i) {
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

    private int keyword(int i) {
        String t = w(i);
        String next = w(i + 1);
        switch (t) {
            case "vs", "versus", "or", "vs." -> {
                add(Slot.JOINER, t, Double.NaN, i, i + 1);
                return 1;
            }
            case "compare", "comparing", "comparison", "compared" -> {
                add(Slot.COMPARE, t, Double.NaN, i, i + 1);
                return 1;
            }
            case "serve", "serving", "served", "host", "hosting", "hosted", "deploy", "deployed", "deploying" -> {
                add(Slot.SERVE, t, Double.NaN, i, i + 1);
                return 1;
            }
            case "selfhosted", "selfhost" -> {
                add(Slot.SELF_HOSTED, t, Double.NaN, i, i + 1);
                return 1;
            }
            case "self" -> {
                if (next.startsWith("host")) {
                    add(Slot.SELF_HOSTED, "self-hosted", Double.NaN, i, i + 2);
                    return 2;
                }
                return 0;
            }
            case "spot", "preemptible", "ondemand", "owned", "onprem" -> {
                add(Slot.PRICING, switch (t) {
                    case "spot", "preemptible" -> "spot";
                    case "ondemand" -> "on-demand";
                    default -> "owned";
                }, Double.NaN, i, i + 1);
                return 1;
            }
            case "on" -> {
                if (next.equals("demand")) {
                    add(Slot.PRICING, "on-demand", Double.NaN, i, i + 2);
                    return 2;
                }
                if (next.equals("prem") || next.equals("premise") || next.equals("premises")) {
                    add(Slot.PRICING, "owned", Double.NaN, i, i + 2);
                    return 2;
                }
                if (next.equals("our") && w(i + 2).equals("own") && (w(i + 3).startsWith("hardware")
                        || w(i + 3).startsWith("gpu") || w(i + 3).startsWith("server"))) {
                    add(Slot.PRICING, "owned", Double.NaN, i, i + 4);
                    return 4;
                }
                return 0;
            }
            case "reserved", "reservation", "commit", "commitment", "committed", "savings" -> {
                return commitment(i);
            }
            case "pretrain", "pretraining", "pretrained" -> {
                add(Slot.TRAINING, "pretraining", Double.NaN, i, i + 1);
                return 1;
            }
            case "pre" -> {
                if (next.startsWith("train")) {
                    add(Slot.TRAINING, "pretraining", Double.NaN, i, i + 2);
                    return 2;
                }
                return 0;
            }
            case "train", "training", "trained" -> {
                add(Slot.TRAINING, "pretraining", Double.NaN, i, i + 1);
                return 1;
            }
            case "from" -> {
                if (next.equals("scratch")) {
                    add(Slot.TRAINING, "pretraining", Double.NaN, i, i + 2);
                    return 2;
                }
                return 0;
            }
            case "finetune", "finetuning", "finetuned", "sft" -> {
                add(Slot.TRAINING, "full-finetune", Double.NaN, i, i + 1);
                return 1;
            }
            case "full" -> {
                if (next.equals("fine") || next.startsWith("finetun")) {
                    return 1; // "full fine-tune": the fine-tune says it
                }
                return 0;
            }
            case "fine" -> {
                if (next.startsWith("tun")) {
                    add(Slot.TRAINING, "full-finetune", Double.NaN, i, i + 2);
                    return 2;
                }
                return 0;
            }
            case "lora", "qlora", "peft" -> {
                add(Slot.TRAINING, "lora", Double.NaN, i, i + 1);
                return 1;
            }
            case "budget" -> {
                return budget(i);
            }
            case "cache", "cached" -> {
                return cache(i);
            }
            case "growth", "growing", "grows", "grow" -> {
                return growth(i);
            }
            case "yearly", "annual", "annually" -> {
                add(Slot.HORIZON, "soft", 12, i, i + 1);
                return 1;
            }
            case "horizon" -> {
                if (w(i + 1).equals("of")) {
                    int n = duration(i + 2);
                    if (n > 0 && months(i + 2) > 0) {
                        add(Slot.HORIZON, null, months(i + 2), i, i + 2 + n, i + 2, i + 2 + n);
                        return 2 + n;
                    }
                }
                return 0;
            }
            default -> {
                String precision = PRECISIONS.get(t);
                if (precision != null) {
                    add(Slot.PRECISION, precision, Double.NaN, i, i + 1);
                    return 1;
                }
                if ((t.equals("4") || t.equals("8") || t.equals("16")) && next.startsWith("bit")) {
                    add(Slot.PRECISION, t.equals("4") ? "int4" : t.equals("8") ? "int8" : "fp16", Double.NaN, i, i + 2);
                    return 2;
                }
                if (WORD_NUMBERS.containsKey(t) && !Double.isNaN(hours(next))) {
                    return timeSpan(i, i + 1, Double.parseDouble(WORD_NUMBERS.get(t)));
                }
                Matcher term = TERM.matcher(t);
                if (term.matches() && COMMIT_WORDS.contains(next)) {
                    add(Slot.PRICING, "commit-" + term.group(1) + "y", Double.NaN, i, i + 2);
                    return 2;
                }
                if (WORD_NUMBERS.containsKey(t) && !t.equals("a") && !t.equals("an") || t.equals("single")
                        || (t.equals("a") || t.equals("an")) && next.equals("single")) {
                    // "a single h100" is a count; "on an L4" is only an article (the engine sizes the replica)
                    return wordCount(i);
                }
                return 0;
            }
        }
    }

    private int wordCount(int i) {
        int j = w(i + 1).equals("single") ? i + 2 : i + 1;
        String n = w(i).equals("single") ? "1" : WORD_NUMBERS.get(w(i));
        Mention acc = accelerator(j);
        if (acc != null) {
            add(Slot.COUNT, null, Double.parseDouble(n), i, j);
            return j - i;
        }
        if (w(j).startsWith("gpu") || w(j).equals("node")) {
            add(Slot.COUNT, null, Double.parseDouble(n) * (w(j).equals("node") ? 8 : 1), i, j + 1);
            return j + 1 - i;
        }
        return 0;
    }

    /** The accelerator named at {@code i}, not yet recorded; null: none. */
    private Mention accelerator(int i) {
        if (i >= ws.size()) {
            return null;
        }
        Names.Match m = names.match(ws, i);
        return m != null && m.kind() == Names.Kind.ACCELERATOR && m.unknown() == null && m.ids().size() == 1
                ? Mention.of(Slot.ACCELERATOR, m.id(), Double.NaN, i, i + m.length(), typed(i, i + m.length()))
                : null;
    }

    private int commitment(int i) {
        // "reserved 3yr", "1-year commit", "3 year commitment", "commit-1y", "savings plan 1 year"
        int from = i;
        int to = i + 1;
        if (w(i).equals("savings")) {
            if (!w(i + 1).equals("plan")) {
                return 0;
            }
            to = i + 2;
        }
        String years = term(to);
        int length = to - from;
        if (years != null) {
            length += termLength(to);
        } else if (w(to).equals("for") && term(to + 1) != null) {
            years = term(to + 1);
            length += 1 + termLength(to + 1);
        }
        if (years == null) {
            problem("'" + typed(from, to) + "': for 1 year or 3 years?", "try: `commit-1y` or `commit-3y`",
                    fix(from, to, "commit-1y"));
            return length;
        }
        add(Slot.PRICING, "commit-" + years + "y", Double.NaN, from, from + length);
        return length;
    }

    /** "1 year", "3yr", "1y", "3-year", "one year": the term in years at {@code i}; null: none. */
    private String term(int i) {
        Matcher glued = TERM.matcher(w(i));
        if (glued.matches()) {
            return glued.group(1);
        }
        String n = w(i).equals("one") ? "1" : w(i).equals("three") ? "3" : w(i);
        if ((n.equals("1") || n.equals("3")) && w(i + 1).matches("y|yr|yrs|year|years")) {
            return n;
        }
        return null;
    }

    private int termLength(int i) {
        return TERM.matcher(w(i)).matches() ? 1 : 2;
    }

    private int budget(int i) {
        int j = i + 1;
        while (j < i + 4 && (w(j).equals("of") || w(j).equals("is") || w(j).equals("at") || w(j).equals("around")
                || w(j).equals("about") || w(j).equals("under") || w(j).equals("max"))) {
            j++;
        }
        double usd = Words.number(w(j));
        if (Double.isNaN(usd)) {
            return 0;
        }
        int end = j + 1;
        if (SCALE_WORDS.contains(w(end))) {
            usd *= Words.scale(w(end).substring(0, 1).equals("t") && w(end).equals("thousand") ? "k" : scaleKey(w(end)));
            end++;
        }
        int period = monthlyPeriod(end);
        add(Slot.BUDGET, null, usd, i, end + period, j, end + period);
        return end + period - i;
    }

    private static String scaleKey(String word) {
        return switch (word) {
            case "thousand" -> "k";
            case "million", "mil", "mln" -> "m";
            case "billion", "bn" -> "b";
            default -> "t";
        };
    }

    /** "/month", "/mo", "a month", "per month", "monthly": how many words (0: none). */
    private int monthlyPeriod(int i) {
        if (w(i).equals("/month") || w(i).equals("/mo") || w(i).equals("monthly") || w(i).equals("pm")) {
            return 1;
        }
        if ((w(i).equals("a") || w(i).equals("per") || w(i).equals("each") || w(i).equals("every"))
                && (w(i + 1).equals("month") || w(i + 1).equals("mo"))) {
            return 2;
        }
        return 0;
    }

    private int cache(int i) {
        int j = i + 1;
        while (j < i + 5 && (w(j).equals("hit") || w(j).equals("hits") || w(j).equals("rate") || w(j).equals("ratio")
                || w(j).equals("of") || w(j).equals("is") || w(j).equals("around") || w(j).equals("about"))) {
            j++;
        }
        Matcher p = PERCENT.matcher(w(j));
        if (!p.matches()) {
            return 0;
        }
        add(Slot.CACHE, null, Double.parseDouble(p.group(1)) / 100, i, j + 1);
        return j + 1 - i;
    }

    private int growth(int i) {
        int j = i + 1;
        while (j < i + 4 && (w(j).equals("of") || w(j).equals("by") || w(j).equals("at") || w(j).equals("is")
                || w(j).equals("about"))) {
            j++;
        }
        Matcher p = PERCENT.matcher(w(j));
        if (!p.matches()) {
            return 0;
        }
        int period = monthlyPeriod(j + 1);
        add(Slot.GROWTH, null, Double.parseDouble(p.group(1)) / 100, i, j + 1 + period);
        return j + 1 + period - i;
    }

    /** ttft 500ms, p95 < 1s, latency under 2 seconds, first token in 1.5 s, time to first token under 300ms. */
    private int latency(int i) {
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
    private int latencyDuration(int i) {
        if (DURATION.matcher(w(i)).matches()) {
            return 1;
        }
        if (w(i).matches("\\d+(\\.\\d+)?") && w(i + 1).matches("ms|s|sec|secs|second|seconds|milliseconds")) {
            return 2;
        }
        return 0;
    }

    private double milliseconds(int i) {
        Matcher m = DURATION.matcher(w(i));
        if (m.matches()) {
            double v = Double.parseDouble(m.group(1));
            return m.group(2).equals("ms") ? v : v * 1000;
        }
        double v = Double.parseDouble(w(i));
        return w(i + 1).startsWith("m") ? v : v * 1000;
    }

    /** A number at {@code i} and what follows it. */
    private int number(int i) {
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
        if (acc != null && value >= 1 && value == Math.rint(value)) {
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

    private int percentPhrase(int i, double share) {
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

    /** Tokens: per request (in/out), per day (traffic), or a training run's. */
    private int tokens(int i, int j, double value) {
        int k = j;
        String kind = null;
        if (INPUT_WORDS.contains(w(k)) && TOKEN_WORDS.contains(w(k + 1))) {
            kind = "in";
            k++;
        } else if (OUTPUT_WORDS.contains(w(k)) && TOKEN_WORDS.contains(w(k + 1))) {
            kind = "out";
            k++;
        }
        if (!TOKEN_WORDS.contains(w(k))) {
            return 0;
        }
        k++;
        double perDay = perDay(k);
        if (kind == null && !Double.isNaN(perDay)) {
            int end = k + periodLength(k);
            add(Slot.TRAFFIC, "tokens", daily(value, perDay), i, end);
            return end - i;
        }
        boolean inTime = w(k).equals("in") && duration(k + 1) > 0; // "100M tokens in 2 days": a deadline
        if (kind == null && !inTime && (w(k).equals("in") || w(k).equals("input"))) {
            kind = "in";
            k++;
        } else if (kind == null && (w(k).equals("out") || w(k).equals("output"))) {
            kind = "out";
            k++;
        } else if (kind == null) {
            kind = lengthBefore(i);
        }
        if (kind == null) {
            found.add(Mention.of(Slot.TRAINING_TOKENS, "bare", value, i, k, typed(i, k)));
            return k - i;
        }
        add(kind.equals("in") ? Slot.INPUT_TOKENS : Slot.OUTPUT_TOKENS, null, value, i, k);
        return k - i;
    }

    /** "prompts of 3k tokens", "answers of 200 tokens", "avg output 300 tokens": the words before say which. */
    private String lengthBefore(int i) {
        for (int b = i - 1; b >= Math.max(0, i - 3); b--) {
            if (INPUT_WORDS.contains(w(b)) && !w(b).equals("in")) {
                return "in";
            }
            if (OUTPUT_WORDS.contains(w(b)) && !w(b).equals("out")) {
                return "out";
            }
            if (b < i - 1 && ws.get(b).clauseEnd()) {
                break;
            }
        }
        return null;
    }

    /** Requests with a period: 50k/day, 1m rpd, 10 requests per second, 75k daily requests, 20 messages a day. */
    private int traffic(int i, int j, double value) {
        int k = j;
        if (RATE_WORDS.containsKey(w(k))) {
            add(Slot.TRAFFIC, null, value * RATE_WORDS.get(w(k)), i, k + 1);
            return k + 1 - i;
        }
        boolean daily = w(k).equals("daily") && REQUEST_WORDS.contains(w(k + 1));
        if (daily) {
            k++;
        }
        boolean requests = REQUEST_WORDS.contains(w(k)) || w(k).equals("api") && w(k + 1).startsWith("call");
        if (requests) {
            k += w(k).equals("api") ? 2 : 1;
        }
        boolean each = false;
        if (w(k).equals("each") && !periodWord(k)) {
            each = true;
            k++;
        }
        if (daily) {
            return trafficAt(i, k, value, 1, each);
        }
        double perDay = perDay(k);
        if (Double.isNaN(perDay)) {
            if (requests && !USER_WORDS.contains(w(k))) {
                int end = k;
                problem("'" + typed(i, end) + "': per day, month or second?", "try: `" + typed(i, end) + "/day`",
                        fix(i, end, typed(i, end) + "/day"));
                return end - i;
            }
            return 0;
        }
        if (!requests && !(w(k).startsWith("/") || w(k).equals("per") || w(k).equals("a") || w(k).equals("daily")
                || w(k).equals("each") || w(k).equals("every"))) {
            return 0;
        }
        int end = k + periodLength(k);
        boolean open = !ws.get(end - 1).clauseEnd();
        boolean perUser = each || w(i - 1).equals("each") || w(i - 2).equals("each") && w(i - 1).matches("[a-z]+ing")
                || open && (w(end).equals("each") || w(end).equals("per") && w(end + 1).equals("user"));
        if (!open) {
            return trafficAt(i, end, daily(value, perDay), 0, perUser);
        }
        if (w(end).equals("each")) {
            end++;
        } else if (w(end).equals("per") && w(end + 1).equals("user")) {
            end += 2;
        }
        return trafficAt(i, end, daily(value, perDay), 0, perUser);
    }

    private int trafficAt(int i, int end, double perDay, int unused, boolean perUser) {
        add(perUser ? Slot.PER_USER : Slot.TRAFFIC, null, perDay, i, end);
        return end - i;
    }

    private int users(int i, int j, double value) {
        int k = j;
        if (w(k).equals("daily") || w(k).equals("active") || w(k).equals("monthly")) {
            k++;
        }
        if (!USER_WORDS.contains(w(k))) {
            return 0;
        }
        add(Slot.USERS, null, value, i, k + 1);
        return k + 1 - i;
    }

    /** "500 in / 200 out", "1k in and 400 out", "2k/500 tok", "600 input and 250 output tokens". */
    private int lengths(int i, int j, double value) {
        String u = w(j);
        if (u.equals("/") && !Double.isNaN(Words.number(w(j + 1))) && TOKEN_WORDS.contains(w(j + 2))) {
            add(Slot.INPUT_TOKENS, null, value, i, j);
            add(Slot.OUTPUT_TOKENS, null, Words.number(w(j + 1)), j + 1, j + 3);
            return j + 3 - i;
        }
        boolean in = u.equals("input") || u.equals("prompt") || u.equals("in") && pairedWithOut(j);
        boolean out = u.equals("out") || u.equals("output") || u.equals("completion");
        if (!in && !out) {
            return 0;
        }
        int end = j + 1;
        if (TOKEN_WORDS.contains(w(end))) {
            end++;
        }
        add(in ? Slot.INPUT_TOKENS : Slot.OUTPUT_TOKENS, null, value, i, end);
        if (w(end).equals("/")) {
            end++;
        }
        return end - i;
    }

    private boolean pairedWithOut(int j) {
        for (int k = j + 1; k < Math.min(ws.size(), j + 5); k++) {
            if (w(k).equals("out") || w(k).equals("output") || w(k).equals("outputs")) {
                return true;
            }
        }
        return w(j + 1).equals("/") || TOKEN_WORDS.contains(w(j + 1));
    }

    /** Hours, days, weeks, months, years: a horizon, a deadline, or a rental's length, by the word before. */
    private int timeSpan(int i, int j, double value) {
        double hours = hours(w(j));
        if (Double.isNaN(hours)) {
            return 0;
        }
        if (COMMIT_WORDS.contains(w(j + 1))) {
            if (term(i) != null) {
                add(Slot.PRICING, "commit-" + term(i) + "y", Double.NaN, i, j + 2);
                return j + 2 - i;
            }
            return 0;
        }
        String before = w(i - 1);
        int from = i;
        int end = j + 1;
        double totalHours = value * hours;
        if (w(end).equals("horizon") || before.equals("over") || before.equals("horizon")) {
            double months = totalHours / HOURS_PER_MONTH;
            end += w(end).equals("horizon") ? 1 : 0;
            add(Slot.HORIZON, null, months, i, end, i, j + 1);
            return end - i;
        }
        if (before.equals("in") || before.equals("within") || before.equals("by")) {
            add(Slot.DEADLINE, null, totalHours / 24, i - 1, end, i - 1, end);
            return end - i;
        }
        if (before.equals("for")) {
            from = i - 1;
        }
        found.add(Mention.of(Slot.RENTAL_HOURS, before.equals("for") ? "for" : "bare", totalHours, from, end,
                typed(from, end)));
        return end - i;
    }

    static final double HOURS_PER_MONTH = 730;

    /** Hours in one unit ("days" → 24; "months" → 730, a twelfth of a year); NaN: not a unit of time. */
    private static double hours(String unit) {
        return switch (unit) {
            case "hour", "hours", "hr", "hrs", "h" -> 1;
            case "day", "days" -> 24;
            case "week", "weeks", "wk", "wks" -> 168;
            case "month", "months", "mo", "mos" -> HOURS_PER_MONTH;
            case "year", "years", "yr", "yrs" -> 8760;
            default -> Double.NaN;
        };
    }

    private int months(int i) {
        double v = Words.number(w(i));
        if (WORD_NUMBERS.containsKey(w(i))) {
            v = Double.parseDouble(WORD_NUMBERS.get(w(i)));
        }
        return (int) Math.round(v * hours(w(i + 1)) / HOURS_PER_MONTH);
    }

    private int duration(int i) {
        return (!Double.isNaN(Words.number(w(i))) || WORD_NUMBERS.containsKey(w(i))) && !Double.isNaN(hours(w(i + 1)))
                ? 2 : 0;
    }

    private boolean periodWord(int k) {
        return !Double.isNaN(perDay(k));
    }

    /** Requests in one of the period at {@code k} per day (month → 12/365), NaN: no period there. */
    private double perDay(int k) {
        String t = w(k);
        String unit = switch (t) {
            case "/day", "/d", "daily", "/24h" -> "day";
            case "/month", "/mo", "monthly" -> "month";
            case "/s", "/sec", "/second" -> "second";
            case "/min", "/minute", "/m" -> "minute";
            case "/h", "/hr", "/hour", "hourly" -> "hour";
            case "/week", "/wk", "weekly" -> "week";
            case "per", "a", "an", "each", "every" -> switch (w(k + 1)) {
                case "day" -> "day";
                case "month", "mo" -> "month";
                case "second", "sec", "s" -> "second";
                case "minute", "min" -> "minute";
                case "hour", "hr", "h" -> "hour";
                case "week" -> "week";
                default -> null;
            };
            default -> null;
        };
        if (unit == null) {
            return Double.NaN;
        }
        return switch (unit) {
            case "day" -> 1;
            case "month" -> 12.0 / 365;
            case "second" -> 86_400;
            case "minute" -> 1_440;
            case "hour" -> 24;
            default -> 1.0 / 7;
        };
    }

    /** Requests per day from a count and a period's {@link #perDay} factor (a month is 365/12 days). */
    static double daily(double value, double perDay) {
        return perDay == 12.0 / 365 ? value * 12 / 365 : value * perDay;
    }

    private int periodLength(int k) {
        return w(k).startsWith("/") || w(k).equals("daily") || w(k).equals("monthly") || w(k).equals("hourly")
                || w(k).equals("weekly") ? 1 : 2;
    }
}
