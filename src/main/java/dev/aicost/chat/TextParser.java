package dev.aicost.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.catalog.Catalog;
import dev.aicost.request.InvalidRequestException;
import java.util.List;
import java.util.regex.Matcher;
import static dev.aicost.chat.Grammar.ALIASES;
import static dev.aicost.chat.Grammar.CONNECTORS;
import static dev.aicost.chat.Grammar.COUNT_X;
import static dev.aicost.chat.Grammar.KINDS;
import static dev.aicost.chat.Grammar.MONEY;
import static dev.aicost.chat.Grammar.PERCENT;
import static dev.aicost.chat.Grammar.PRECISIONS;
import static dev.aicost.chat.Grammar.PRICING;
import static dev.aicost.chat.Grammar.RATE;
import static dev.aicost.chat.Grammar.REQUEST_WORDS;
import static dev.aicost.chat.TextRequest.problem;
import static dev.aicost.chat.Words.NUMBER;
import static dev.aicost.chat.Words.number;

/** Reads the words left to right by the grammar of {@link Grammar}: which word starts which phrase. */
final class TextParser extends WordCursor {
    private final TextRequest text;
    private final Catalog catalog;

    TextParser(TextRequest text, Catalog catalog, List<Word> words) {
        super(words);
        this.text = text;
        this.catalog = catalog;
    }

    private InvalidRequestException unknown(Word w) {
        return text.unknown(w);
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
}
