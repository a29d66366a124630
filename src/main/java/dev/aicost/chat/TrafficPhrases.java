package dev.aicost.chat;

import dev.aicost.chat.Mention.Slot;
import java.util.List;

/** A number's traffic, users and token phrases: 50k/day, 1m rpd, 10k users, 2k/500 tok, 1B tokens/day. */
abstract class TrafficPhrases extends KeywordPhrases {
    TrafficPhrases(Names names, List<Word> words, String text) {
        super(names, words, text);
    }

    /** Tokens: per request (in/out), per day (traffic), or a training run's. */
    int tokens(int i, int j, double value) {
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
    String lengthBefore(int i) {
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
    int traffic(int i, int j, double value) {
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

    int trafficAt(int i, int end, double perDay, int unused, boolean perUser) {
        add(perUser ? Slot.PER_USER : Slot.TRAFFIC, null, perDay, i, end);
        return end - i;
    }

    int users(int i, int j, double value) {
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
    int lengths(int i, int j, double value) {
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

    boolean pairedWithOut(int j) {
        for (int k = j + 1; k < Math.min(ws.size(), j + 5); k++) {
            if (w(k).equals("out") || w(k).equals("output") || w(k).equals("outputs")) {
                return true;
            }
        }
        return w(j + 1).equals("/") || TOKEN_WORDS.contains(w(j + 1));
    }
}
