package dev.aicost.chat;

import dev.aicost.chat.Mention.Slot;
import dev.aicost.engine.core.Num;
import dev.aicost.request.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a chat message and what has been found in them so far: the mentions, the problems with
 * the fix that would resolve each, which words were read; and the small phrases every reader needs
 * (periods, units of time, a commitment's term, an accelerator's name).
 */
abstract class WordScan {
    static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)%");
    static final Set<String> REQUEST_WORDS = Set.of("req", "reqs", "request", "requests", "query", "queries", "call",
            "calls", "chat", "chats", "conversation", "conversations", "message", "messages", "ticket", "tickets",
            "image", "images", "inference", "inferences", "prediction", "predictions", "generation", "generations",
            "question", "questions", "session", "sessions", "interaction", "interactions", "prompts", "completions",
            "turns", "documents", "docs", "summaries", "emails");

    static final Map<String, Double> RATE_WORDS = Map.of("rpd", 1.0, "rps", 86_400.0, "qps", 86_400.0,
            "rpm", 1_440.0, "qpm", 1_440.0, "rph", 24.0, "qpd", 1.0);

    static final Set<String> USER_WORDS = Set.of("users", "user", "customers", "employees", "dau", "people",
            "subscribers", "members", "agents", "seats");

    static final Set<String> TOKEN_WORDS = Set.of("tokens", "token", "tok", "toks");

    static final Set<String> INPUT_WORDS = Set.of("in", "input", "inputs", "prompt", "prompts", "context");

    static final Set<String> OUTPUT_WORDS = Set.of("out", "output", "outputs", "completion", "completions",
            "answer", "answers", "response", "responses", "reply", "replies", "generation", "generated");

    static final Map<String, String> WORD_NUMBERS = Map.ofEntries(Map.entry("a", "1"), Map.entry("an", "1"),
            Map.entry("one", "1"), Map.entry("single", "1"), Map.entry("two", "2"), Map.entry("three", "3"),
            Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"),
            Map.entry("eight", "8"), Map.entry("ten", "10"), Map.entry("twelve", "12"));

    static final Set<String> SCALE_WORDS = Set.of("thousand", "million", "mil", "mln", "billion", "bn", "trillion");

    static final Pattern TERM = Pattern.compile("([13])(y|yr|yrs|year|years)");

    static final Set<String> COMMIT_WORDS = Set.of("commit", "commitment", "committed", "reserved",
            "reservation", "term");

    final Names names;

    final List<Word> ws;

    final List<Mention> found = new ArrayList<>();

    final List<Problem> problems = new ArrayList<>();

    /** Per problem, what would resolve it (null: nothing mechanical). */
    final List<Fix> fixes = new ArrayList<>();

    final boolean[] used;

    /** A model was named but could not be resolved (its own problem says why). */
    boolean modelProblem;

    final String text;

    WordScan(Names names, List<Word> words, String text) {
        this.names = names;
        this.ws = words;
        this.text = text;
        this.used = new boolean[words.size()];
    }

    String typed(int from, int to) {
        return text.substring(ws.get(from).start(), ws.get(to - 1).end());
    }

    String word(int i) {
        return w(i);
    }

    String w(int i) {
        return i >= 0 && i < ws.size() ? ws.get(i).text() : "";
    }

    boolean free(int i) {
        return i < ws.size() && !used[i];
    }

    void add(Slot slot, String id, double value, int from, int to) {
        found.add(Mention.of(slot, id, value, from, to, typed(from, to)));
    }

    void add(Slot slot, String id, double value, int from, int to, int typedFrom, int typedTo) {
        found.add(Mention.of(slot, id, value, from, to, typed(typedFrom, typedTo)));
    }

    void problem(String problem, String allowed) {
        problem(problem, allowed, null);
    }

    void problem(String problem, String allowed, Fix fix) {
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

    /** The accelerator named at {@code i}, not yet recorded; null: none. */
    Mention accelerator(int i) {
        if (i >= ws.size()) {
            return null;
        }
        Names.Match m = names.match(ws, i);
        return m != null && m.kind() == Names.Kind.ACCELERATOR && m.unknown() == null && m.ids().size() == 1
                ? Mention.of(Slot.ACCELERATOR, m.id(), Double.NaN, i, i + m.length(), typed(i, i + m.length()))
                : null;
    }

    /** "1 year", "3yr", "1y", "3-year", "one year": the term in years at {@code i}; null: none. */
    String term(int i) {
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

    static String scaleKey(String word) {
        return switch (word) {
            case "thousand" -> "k";
            case "million", "mil", "mln" -> "m";
            case "billion", "bn" -> "b";
            default -> "t";
        };
    }

    /** "/month", "/mo", "a month", "per month", "monthly": how many words (0: none). */
    int monthlyPeriod(int i) {
        if (w(i).equals("/month") || w(i).equals("/mo") || w(i).equals("monthly") || w(i).equals("pm")) {
            return 1;
        }
        if ((w(i).equals("a") || w(i).equals("per") || w(i).equals("each") || w(i).equals("every"))
                && (w(i + 1).equals("month") || w(i + 1).equals("mo"))) {
            return 2;
        }
        return 0;
    }

    /** Hours, days, weeks, months, years: a horizon, a deadline, or a rental's length, by the word before. */
    int timeSpan(int i, int j, double value) {
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

    /** A month of hours, as the engine bills it (a twelfth of 8,760). */
    static final double HOURS_PER_MONTH = Num.HOURS_PER_MONTH;

    /** Hours in one unit ("days" → 24; "months" → 730, a twelfth of a year); NaN: not a unit of time. */
    static double hours(String unit) {
        return switch (unit) {
            case "hour", "hours", "hr", "hrs", "h" -> 1;
            case "day", "days" -> 24;
            case "week", "weeks", "wk", "wks" -> 168;
            case "month", "months", "mo", "mos" -> HOURS_PER_MONTH;
            case "year", "years", "yr", "yrs" -> 8760;
            default -> Double.NaN;
        };
    }

    int months(int i) {
        double v = Words.number(w(i));
        if (WORD_NUMBERS.containsKey(w(i))) {
            v = Double.parseDouble(WORD_NUMBERS.get(w(i)));
        }
        return (int) Math.round(v * hours(w(i + 1)) / HOURS_PER_MONTH);
    }

    int duration(int i) {
        return (!Double.isNaN(Words.number(w(i))) || WORD_NUMBERS.containsKey(w(i))) && !Double.isNaN(hours(w(i + 1)))
                ? 2 : 0;
    }

    boolean periodWord(int k) {
        return !Double.isNaN(perDay(k));
    }

    /** Requests in one of the period at {@code k} per day (month → 12/365), NaN: no period there. */
    double perDay(int k) {
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

    int periodLength(int k) {
        return w(k).startsWith("/") || w(k).equals("daily") || w(k).equals("monthly") || w(k).equals("hourly")
                || w(k).equals("weekly") ? 1 : 2;
    }
}
