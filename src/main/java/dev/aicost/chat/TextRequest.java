package dev.aicost.chat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aicost.catalog.Catalog;
import dev.aicost.request.InvalidRequestException;
import dev.aicost.request.Suggest;
import dev.aicost.request.Limits;
import dev.aicost.request.Unicode;
import java.util.Iterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request in a sentence, as typed in a chat: {@code "llama-3.3-70b 50k requests/day 500 in / 200 out
 * on h100 fp8 ttft 1s"}. It becomes the structured request it means (echoed in the report), so the
 * two forms give the same report. Every word belongs to the grammar below; an unknown word is an
 * error that quotes it, says where it is and what it may have meant, never a word silently skipped.
 *
 * <pre>
 * model       a catalog model id                       llama-3.1-70b
 * training    train | pretrain | fine-tune | lora       then NUMBER tokens, e.g. 15T tokens
 * hardware    [COUNT] accelerator-id (aliases h100, a100; COUNT also as 8x)
 * traffic     NUMBER requests|req|queries /day|/month|/s, or per day|month|second; a range you are
 *             unsure of as NUMBER to NUMBER (or NUMBER-NUMBER) requests/day, e.g. 20k-80k requests/day
 * lengths     NUMBER input tokens, NUMBER output tokens, or NUMBER in / NUMBER out
 * precision   bf16 fp16 fp8 int8 int4 fp4 fp32 tf32
 * latency     ttft|tpot|e2e DURATION (1s, 50ms, 1.5 s)
 * cache       N% cache hits
 * growth      growth N%/month
 * horizon     N months | N years
 * pricing     spot on-demand commit-1y commit-3y owned
 * budget      budget $20k/month
 * serving     then serve ... (what follows is about serving)
 * numbers     k M B T suffixes (50k, 2M, 15T); 1,200 is twelve hundred
 * </pre>
 */
public final class TextRequest {
    /** Words that only connect the others. */
    static final Set<String> CONNECTORS = Set.of("on", "at", "with", "and", "for", "of", "per", "a", "an", "the",
            "then", "serve", "serving", ",", ":", "using", "to", "in", "over");
    static final Map<String, String> ALIASES = Map.of("h100", "h100-sxm", "a100", "a100-80gb", "a100-40", "a100-40gb",
            "a100-80", "a100-80gb", "v5e", "tpu-v5e", "v5p", "tpu-v5p", "v6e", "tpu-v6e", "mi300", "mi300x");
    static final Set<String> PRECISIONS = Set.of("bf16", "fp16", "fp8", "int8", "int4", "fp4", "fp32", "tf32");
    static final Set<String> PRICING = Set.of("spot", "on-demand", "commit-1y", "commit-3y", "owned");
    static final Map<String, String> KINDS = Map.of("train", "pretraining", "pretrain", "pretraining", "pretraining",
            "pretraining", "fine-tune", "full-finetune", "finetune", "full-finetune", "lora", "lora");
    static final Set<String> REQUEST_WORDS = Set.of("requests", "request", "req", "reqs", "queries", "calls");
    static final Set<String> KEYWORDS = Set.of("tokens", "input", "output", "in", "out", "/", "ttft", "tpot", "e2e",
            "cache", "hits", "hit", "growth", "months", "month", "years", "year", "budget", "day", "second", "sec",
            "/day", "/month", "/s", "/sec", "daily", "monthly", "rate");

    private static final Pattern NUMBER = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)([kmbt]?)");
    private static final Pattern NUMBER_RANGE = Pattern.compile("(\\d+(?:\\.\\d+)?[kmbt]?)[-–](\\d+(?:\\.\\d+)?[kmbt]?)");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s)");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)%(/month|/mo)?");
    private static final Pattern MONEY = Pattern.compile("\\$(\\d+(?:\\.\\d+)?)([kmb]?)(/month|/mo)?");
    private static final Pattern RATE = Pattern.compile("(?:requests|request|req|reqs|queries|calls)?(/day|/d|/month|/s|/sec)");
    private static final Pattern COUNT_X = Pattern.compile("(\\d+)x([a-z0-9].*)?");

    private final Catalog catalog;

    public TextRequest(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A word of the text and where it starts (1-based character position). */
    record Word(String text, String lower, int position) {
    }

    /** The structured request the text means, or an {@link InvalidRequestException} at path {@code text}. */
    public ObjectNode parse(String text) {
        List<Word> words = words(text);
        if (words.isEmpty()) {
            throw problem("is empty", "a request in words, e.g. 'llama-3.1-8b 50k requests/day on l4'");
        }
        return new Parser(words).run();
    }

    static List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == ',' || c == ':' || c == ';') {
                // A comma between digits is a thousands separator (1,200), handled by the number pattern.
                out.add(new Word(String.valueOf(c), c == ';' ? "," : String.valueOf(c), i + 1));
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))
                    && !((text.charAt(i) == ',' || text.charAt(i) == ':' || text.charAt(i) == ';')
                            && !(text.charAt(i) == ',' && i > start && Character.isDigit(text.charAt(i - 1))
                                    && i + 3 < text.length() + 1 && digits3(text, i + 1)))) {
                i++;
            }
            String w = text.substring(start, i);
            Matcher range = NUMBER_RANGE.matcher(w.toLowerCase(Locale.ROOT));
            if (range.matches()) { // 20k-80k: two numbers and "to" between them
                int dash = range.end(1);
                out.add(new Word(w.substring(0, dash), range.group(1), start + 1));
                out.add(new Word(w.substring(dash, dash + 1), "to", start + 1 + dash));
                out.add(new Word(w.substring(dash + 1), range.group(2), start + 2 + dash));
                continue;
            }
            out.add(new Word(w, w.toLowerCase(Locale.ROOT), start + 1));
        }
        return out;
    }

    private static boolean digits3(String text, int from) {
        if (from + 3 > text.length()) {
            return false;
        }
        for (int k = from; k < from + 3; k++) {
            if (!Character.isDigit(text.charAt(k))) {
                return false;
            }
        }
        return from + 3 == text.length() || !Character.isDigit(text.charAt(from + 3));
    }

    static InvalidRequestException problem(String problem, String allowed) {
        return InvalidRequestException.of("text", problem, allowed);
    }

    /** The vocabulary a mistyped word is compared with. */
    Set<String> vocabulary() {
        Set<String> v = new LinkedHashSet<>();
        v.addAll(catalog.modelIds());
        v.addAll(catalog.acceleratorIds());
        v.addAll(ALIASES.keySet());
        v.addAll(PRECISIONS);
        v.addAll(PRICING);
        v.addAll(KINDS.keySet());
        v.addAll(REQUEST_WORDS);
        v.addAll(KEYWORDS);
        v.addAll(CONNECTORS);
        return v;
    }

    /** Reads the words left to right, each section (training, then serving) filling its own object. */
    private final class Parser {
        private final List<Word> words;
        private final ObjectNode request = JsonNodeFactory.instance.objectNode();
        private ObjectNode training;
        private ObjectNode inference;
        private boolean serving;
        private int at;

        Parser(List<Word> words) {
            this.words = words;
        }

        ObjectNode run() {
            while (at < words.size()) {
                step();
            }
            if (!request.has("model")) {
                throw problem("names no model", "a catalog model id, one of " + String.join(", ", catalog.modelIds()));
            }
            if (training == null && inference == null) {
                throw problem("says neither what to train nor what to serve", "e.g. 'train 15T tokens on 1024 h100' "
                        + "or '50k requests/day'");
            }
            if (inference != null && !inference.has("requestsPerDay")) {
                throw problem("serves without a traffic", "e.g. '50k requests/day', '2M req/month', '100 requests per second'");
            }
            return request;
        }

        private Word peek(int ahead) {
            return at + ahead < words.size() ? words.get(at + ahead) : null;
        }

        private boolean peekIs(int ahead, String... options) {
            Word w = peek(ahead);
            if (w == null) {
                return false;
            }
            for (String o : options) {
                if (w.lower().equals(o)) {
                    return true;
                }
            }
            return false;
        }

        /** The section the current words are about: serving after "serve", else training once named. */
        private ObjectNode section() {
            if (serving || training == null) {
                return inference();
            }
            return training;
        }

        private ObjectNode inference() {
            if (inference == null) {
                inference = request.putObject("inference");
            }
            return inference;
        }

        private ObjectNode training() {
            if (training == null) {
                training = request.putObject("training");
            }
            return training;
        }

        private void step() {
            Word w = words.get(at);
            String t = w.lower();
            if (t.equals("then") && peekIs(1, "serve", "serving") || t.equals("serve") || t.equals("serving")) {
                serving = true;
                at += t.equals("then") ? 2 : 1;
                return;
            }
            if (CONNECTORS.contains(t)) {
                at++;
                return;
            }
            if (catalog.model(t).isPresent()) {
                request.putObject("model").put("id", t);
                at++;
                return;
            }
            if (KINDS.containsKey(t)) {
                training().put("kind", KINDS.get(t));
                serving = false;
                at++;
                return;
            }
            String accelerator = accelerator(t);
            if (accelerator != null) {
                section().put("accelerator", accelerator);
                at++;
                return;
            }
            if (PRECISIONS.contains(t)) {
                section().put("precision", t);
                at++;
                return;
            }
            if (PRICING.contains(t)) {
                section().put("pricingMode", t);
                at++;
                return;
            }
            if (t.equals("ttft") || t.equals("tpot") || t.equals("e2e")) {
                double ms = duration(w);
                inference().with("latencyTargetMs").put(t + "Ms", ms);
                return;
            }
            if (t.equals("growth") || t.equals("growing")) {
                at++;
                inference().put("monthlyGrowth", percentPerMonth(words.get(Math.min(at, words.size() - 1)), true));
                return;
            }
            if (t.equals("budget")) {
                at++;
                request.put("monthlyBudgetUsd", money(next("a monthly budget, e.g. $20k/month")));
                return;
            }
            Matcher money = MONEY.matcher(t);
            if (money.matches()) {
                double usd = money(w);
                if (peekIs(0, "budget")) {
                    at++;
                }
                request.put("monthlyBudgetUsd", usd);
                return;
            }
            Matcher percent = PERCENT.matcher(t);
            if (percent.matches()) {
                percentPhrase(w, percent);
                return;
            }
            Matcher count = COUNT_X.matcher(t);
            if (count.matches() && (count.group(2) == null ? peek(1) != null && accelerator(peek(1).lower()) != null
                    : accelerator(count.group(2)) != null)) {
                int n = Integer.parseInt(count.group(1));
                at++;
                String acc = count.group(2) != null ? accelerator(count.group(2)) : accelerator(words.get(at++).lower());
                hardware(n, acc, w);
                return;
            }
            if (NUMBER.matcher(t).matches() || t.startsWith("$")) {
                numberPhrase(w);
                return;
            }
            throw unknown(w);
        }

        private String accelerator(String t) {
            String id = ALIASES.getOrDefault(t, t);
            return catalog.accelerator(id).isPresent() ? id : null;
        }

        private void hardware(int count, String accelerator, Word at) {
            ObjectNode s = section();
            s.put("accelerator", accelerator);
            if (s == training) {
                s.put("accelerators", count);
            } else {
                s.put("tensorParallel", count); // a serving replica's size; the fleet is sized by the engine
            }
        }

        /** A number and what follows it: tokens, traffic, lengths, a horizon, or accelerators. */
        private void numberPhrase(Word w) {
            double value = number(w);
            at++;
            Word next = peek(0);
            String n = next == null ? "" : next.lower();
            double high = value; // "20k to 80k requests/day": a range of traffic
            if ((n.equals("to") || n.equals("-") || n.equals("–")) && peek(1) != null
                    && NUMBER.matcher(peek(1).lower()).matches() && peek(2) != null
                    && (REQUEST_WORDS.contains(peek(2).lower()) || RATE.matcher(peek(2).lower()).matches())) {
                high = number(peek(1));
                if (high < value) {
                    throw InvalidRequestException.of("text", "the range '" + w.text() + " to " + peek(1).text()
                            + "' at position " + w.position() + " runs downwards", "the low end first, e.g. 20k-80k "
                            + "requests/day");
                }
                at += 2;
                next = peek(0);
                n = next.lower();
            }
            if (next != null && accelerator(n) != null) {
                at++;
                hardware((int) value, accelerator(n), w);
                return;
            }
            if (n.equals("input") || n.equals("output") || n.equals("in") || n.equals("out")) {
                at++;
                if (peekIs(0, "tokens", "token")) {
                    at++;
                }
                inference().put(n.startsWith("in") ? "inputTokens" : "outputTokens", (int) value);
                if (peekIs(0, "/") || peekIs(0, ",")) {
                    at++;
                }
                return;
            }
            if (n.equals("tokens") || n.equals("token")) {
                at++;
                training().put("tokens", value);
                return;
            }
            if (n.equals("months") || n.equals("month") || n.equals("years") || n.equals("year")) {
                at++;
                request.put("horizonMonths", (int) Math.round(n.startsWith("year") ? value * 12 : value));
                return;
            }
            Matcher rate = next == null ? null : RATE.matcher(n);
            if (next != null && (REQUEST_WORDS.contains(n) || rate.matches())) {
                String unit;
                if (rate.matches()) {
                    unit = rate.group(1);
                    at++;
                } else {
                    at++;
                    unit = timeUnit();
                }
                if (high == value) {
                    inference().put("requestsPerDay", perDay(value, unit));
                } else {
                    inference().putObject("requestsPerDay").put("low", perDay(value, unit))
                            .put("high", perDay(high, unit));
                }
                return;
            }
            throw InvalidRequestException.of("text", "the number '" + w.text() + "' at position " + w.position()
                    + " has no unit it can go with", "tokens, input/output tokens, requests/day, requests/month, "
                    + "requests per second, months, years, or an accelerator such as '8 h100'");
        }

        private static double perDay(double value, String unit) {
            return switch (unit) {
                case "/day", "/d", "day", "daily" -> value;
                case "/month", "month", "monthly" -> value * 12 / 365;
                default -> value * 86_400; // per second
            };
        }

        /** After "requests": /day, per day, a day, daily, per month, per second... */
        private String timeUnit() {
            Word w = peek(0);
            if (w == null) {
                throw problem("gives requests without a period", "requests/day, requests per month, requests per second");
            }
            String t = w.lower();
            if (t.equals("per") || t.equals("a") || t.equals("each")) {
                at++;
                w = peek(0);
                t = w == null ? "" : w.lower();
            }
            String unit = switch (t) {
                case "/day", "day", "daily" -> "day";
                case "/month", "month", "monthly" -> "month";
                case "/s", "/sec", "second", "sec", "s" -> "second";
                default -> null;
            };
            if (unit == null) {
                throw w == null ? problem("gives requests without a period", "requests/day, requests per month, "
                        + "requests per second") : unknown(w);
            }
            at++;
            return unit;
        }

        private void percentPhrase(Word w, Matcher m) {
            double share = Double.parseDouble(m.group(1)) / 100;
            at++;
            if (m.group(2) != null) { // 5%/month [growth]
                inference().put("monthlyGrowth", share);
                if (peekIs(0, "growth")) {
                    at++;
                }
                return;
            }
            if (peekIs(0, "cache")) {
                at++;
                while (peekIs(0, "hits", "hit", "rate")) {
                    at++;
                }
                inference().put("cacheHitRate", share);
                return;
            }
            if (peekIs(0, "growth")) {
                at++;
                inference().put("monthlyGrowth", share);
                return;
            }
            throw InvalidRequestException.of("text", "the percentage '" + w.text() + "' at position " + w.position()
                    + " has nothing it can go with", "'30% cache hits' or 'growth 5%/month'");
        }

        private double percentPerMonth(Word w, boolean consumed) {
            Matcher m = PERCENT.matcher(w.lower());
            if (!m.matches()) {
                throw InvalidRequestException.of("text", "'growth' at position " + w.position()
                        + " needs a monthly percentage", "growth 5%/month");
            }
            at++;
            if (m.group(2) == null && peekIs(0, "per") && peekIs(1, "month")) {
                at += 2;
            } else if (m.group(2) == null && peekIs(0, "/month")) {
                at++;
            }
            return Double.parseDouble(m.group(1)) / 100;
        }

        private Word next(String what) {
            Word w = peek(0);
            if (w == null) {
                throw problem("ends before " + what, what);
            }
            return w;
        }

        private double money(Word w) {
            Matcher m = MONEY.matcher(w.lower());
            if (!m.matches()) {
                throw InvalidRequestException.of("text", "'" + w.text() + "' at position " + w.position()
                        + " is not an amount of money", "$20k/month");
            }
            at++;
            if (m.group(3) == null && peekIs(0, "/month", "per", "a", "monthly")) {
                at += peekIs(0, "per", "a") && peekIs(1, "month") ? 2 : 1;
            }
            return Double.parseDouble(m.group(1)) * scale(m.group(2));
        }

        private double duration(Word keyword) {
            at++;
            Word w = next("a duration, e.g. 500ms or 1.5s");
            Matcher m = DURATION.matcher(w.lower());
            double v;
            String unit;
            if (m.matches()) {
                v = Double.parseDouble(m.group(1));
                unit = m.group(2);
                at++;
            } else if (NUMBER.matcher(w.lower()).matches() && peekIs(1, "ms", "s", "sec", "seconds")) {
                v = Double.parseDouble(w.lower());
                unit = peek(1).lower().equals("ms") ? "ms" : "s";
                at += 2;
            } else {
                throw InvalidRequestException.of("text", "'" + keyword.text() + "' at position " + keyword.position()
                        + " needs a duration, got '" + w.text() + "'", "e.g. 'ttft 1s', 'tpot 50ms'");
            }
            return unit.equals("ms") ? v : v * 1000;
        }
    }

    static double number(Word w) {
        Matcher m = NUMBER.matcher(w.lower());
        if (!m.matches()) {
            throw InvalidRequestException.of("text", "'" + w.text() + "' at position " + w.position()
                    + " is not a number", "a number with an optional k, M, B or T suffix");
        }
        return Double.parseDouble(m.group(1).replace(",", "")) * scale(m.group(2));
    }

    static double scale(String suffix) {
        return switch (suffix) {
            case "k" -> 1e3;
            case "m" -> 1e6;
            case "b" -> 1e9;
            case "t" -> 1e12;
            default -> 1;
        };
    }

    private InvalidRequestException unknown(Word w) {
        String shown = w.text().length() > 40 ? w.text().substring(0, 40) + "…" : w.text();
        return InvalidRequestException.of("text", "unknown word '" + shown + "' at position " + w.position()
                + Suggest.didYouMean(w.lower(), vocabulary()), "catalog model and accelerator ids, the words of the "
                        + "grammar (see docs/chat.md, or '/aicost help')");
    }

    /**
     * A plain-text request ({@code {"text": "..."}}) as the structured request it means: never
     * together with structured sections (the two could disagree).
     */
    public ObjectNode understand(JsonNode request) {
        JsonNode text = request.get("text");
        if (!text.isTextual()) {
            throw InvalidRequestException.of("text", "must be a string", "a request in words");
        }
        Iterator<String> names = request.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("text")) {
                throw InvalidRequestException.of(name, "cannot be combined with 'text'",
                        "either a plain-text request or the structured sections, not both");
            }
        }
        if (!Unicode.wellFormed(text.asText())) {
            throw InvalidRequestException.of("text", Unicode.PROBLEM,
                    "a request in words");
        }
        if (text.asText().length() > Limits.MAX_TEXT_LENGTH) {
            throw InvalidRequestException.of("text", "is longer than "
                    + Limits.MAX_TEXT_LENGTH + " characters", "a request in a sentence or two");
        }
        return parse(text.asText());
    }
}
