package dev.aicost.chat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.request.InvalidRequestException;
import java.util.List;
import java.util.regex.Matcher;
import static dev.aicost.chat.Grammar.DURATION;
import static dev.aicost.chat.Grammar.MONEY;
import static dev.aicost.chat.Grammar.PERCENT;
import static dev.aicost.chat.TextRequest.problem;
import static dev.aicost.chat.Words.NUMBER;
import static dev.aicost.chat.Words.scale;

/**
 * A cursor over the words of a request and the small phrases read at it (durations, money,
 * percentages), filling the request's sections: serving after "serve", else training once named.
 */
abstract class WordCursor {
    final List<Word> words;
    final ObjectNode request = JsonNodeFactory.instance.objectNode();
    ObjectNode training;
    ObjectNode inference;
    boolean serving;
    int at;

    WordCursor(List<Word> words) {
        this.words = words;
    }

    Word peek(int ahead) {
        return at + ahead < words.size() ? words.get(at + ahead) : null;
    }

    boolean peekIs(int ahead, String... options) {
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
    ObjectNode section() {
        if (serving || training == null) {
            return inference();
        }
        return training;
    }

    ObjectNode inference() {
        if (inference == null) {
            inference = request.putObject("inference");
        }
        return inference;
    }

    ObjectNode training() {
        if (training == null) {
            training = request.putObject("training");
        }
        return training;
    }

    Word next(String what) {
        Word w = peek(0);
        if (w == null) {
            throw problem("ends before " + what, what);
        }
        return w;
    }

    void percentPhrase(Word w, Matcher m) {
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

    double percentPerMonth(Word w, boolean consumed) {
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

    double money(Word w) {
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

    double duration(Word keyword) {
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
