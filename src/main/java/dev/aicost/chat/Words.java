package dev.aicost.chat;

import dev.aicost.request.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A word of the text and where it starts (1-based character position). */
record Word(String text, String lower, int position) {
}

/** The words of a request as typed, and the numbers among them (1,200; 50k; 2M; 15T). */
final class Words {
    static final Pattern NUMBER = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)([kmbt]?)");
    static final Pattern NUMBER_RANGE = Pattern.compile("(\\d+(?:\\.\\d+)?[kmbt]?)[-–](\\d+(?:\\.\\d+)?[kmbt]?)");

    private Words() {
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
}
