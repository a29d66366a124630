package dev.aicost.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word of a message: its lowercase text, where the token it came from starts and ends in the message
 * (0-based, end exclusive), and whether punctuation closed a clause after it.
 */
record Word(String text, int start, int end, boolean clauseEnd) {
}

/**
 * A chat message as words. Tokens are split on spaces; punctuation around them is dropped (a comma,
 * full stop, '?' or '!' after one ends a clause); hyphens and underscores split words ("on-demand" =
 * "on demand", "Llama-3.1-8B" = "llama 3.1 8b"); a slash starts a unit ("50k/day" = "50k /day");
 * a Hugging Face id keeps its model part; "llama3" becomes "llama 3" for a known family; "8xH100"
 * becomes "8x h100"; "20k-80k" becomes "20k to 80k".
 */
final class Words {
    /** 50k, 1.2M, 1,500, $20k, ~1k: the number and its multiplier. */
    static final Pattern NUMBER = Pattern.compile("[~≈]?\\$?(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)([kmbt]?)");
    /** 50.000 or 1.500: a European thousands separator or a decimal — 1,000× apart, so never guessed. */
    static final Pattern DOTTED_THOUSANDS = Pattern.compile("\\d{1,3}(?:\\.\\d{3})+");
    private static final Pattern RANGE = Pattern.compile("(\\$?\\d[\\d,.]*[kmbt]?)[-–](\\$?\\d[\\d,.]*[kmbt]?)");
    private static final Pattern HF_ID = Pattern.compile("[a-z][a-z0-9_.-]*/([a-z0-9_.-]*[a-z][a-z0-9_.-]*)");
    private static final Pattern COUNT_GLUED = Pattern.compile("(\\d+)x([a-z].*)");
    private static final Pattern FAMILY_GLUED = Pattern.compile("([a-z]+)(\\d.*)");
    private static final String LEADING = "\"'(“‘[`*_";
    private static final String TRAILING = ".,;:!?)\"'”’]`*_";
    private static final String CLAUSE = ".,;:!?";

    private Words() {
    }

    static List<Word> words(String text, Set<String> families) {
        List<Word> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int s = start;
            int e = i;
            while (s < e && LEADING.indexOf(text.charAt(s)) >= 0) {
                s++;
            }
            boolean clauseEnd = false;
            while (e > s && TRAILING.indexOf(text.charAt(e - 1)) >= 0
                    && !(text.charAt(e - 1) == '.' && e - 1 > s && Character.isDigit(text.charAt(e - 2))
                            && e < text.length() && Character.isDigit(text.charAt(e)))) {
                clauseEnd |= CLAUSE.indexOf(text.charAt(e - 1)) >= 0;
                e--;
            }
            if (s == e) {
                if (clauseEnd && !out.isEmpty()) {
                    Word last = out.remove(out.size() - 1);
                    out.add(new Word(last.text(), last.start(), last.end(), true));
                }
                continue;
            }
            split(text.substring(s, e).toLowerCase(Locale.ROOT), s, e, clauseEnd, families, out);
        }
        return out;
    }

    private static void split(String token, int s, int e, boolean clauseEnd, Set<String> families, List<Word> out) {
        List<String> parts = new ArrayList<>();
        while (!token.isEmpty() && "<>≤≥=".indexOf(token.charAt(0)) >= 0 && token.length() > 1
                && "<>≤≥=".indexOf(token.charAt(1)) < 0) {
            parts.add(token.substring(0, 1)); // "<1s": a comparison, then the duration
            token = token.substring(1);
        }
        Matcher hf = HF_ID.matcher(token);
        Matcher range = RANGE.matcher(token);
        if (DOTTED_THOUSANDS.matcher(token).matches()) {
            parts.add(token);
        } else if (range.matches()) {
            parts.add(range.group(1));
            parts.add("to");
            parts.add(range.group(2));
        } else if (hf.matches() && hf.group(1).matches(".*\\d.*") && !token.startsWith("req")) {
            hyphens(hf.group(1), families, parts);
        } else {
            String[] slashes = token.split("/", -1);
            for (int k = 0; k < slashes.length; k++) {
                String p = slashes[k];
                if (k == 0) {
                    hyphens(p, families, parts);
                } else if (!p.isEmpty() && Character.isLetter(p.charAt(0))) {
                    parts.add("/" + p);
                } else {
                    parts.add("/");
                    hyphens(p, families, parts);
                }
            }
        }
        for (int k = 0; k < parts.size(); k++) {
            out.add(new Word(parts.get(k), s, e, clauseEnd && k == parts.size() - 1));
        }
    }

    private static void hyphens(String p, Set<String> families, List<String> parts) {
        for (String w : p.split("[-_–]+")) {
            if (w.isEmpty()) {
                continue;
            }
            Matcher count = COUNT_GLUED.matcher(w);
            Matcher glued = FAMILY_GLUED.matcher(w);
            if (count.matches() && !w.matches("\\d+x\\d+b")) {
                parts.add(count.group(1) + "x");
                parts.add(count.group(2));
            } else if (glued.matches() && families.contains(glued.group(1))) {
                parts.add(glued.group(1));
                parts.add(glued.group(2));
            } else {
                parts.add(w);
            }
        }
    }

    /** The value of a number word (50k, 1.2m, 1,500, $20k), or NaN when it is not one. */
    static double number(String w) {
        Matcher m = NUMBER.matcher(w);
        if (!m.matches()) {
            return Double.NaN;
        }
        return Double.parseDouble(m.group(1).replace(",", "")) * scale(m.group(2));
    }

    static double scale(String suffix) {
        return switch (suffix) {
            case "k", "thousand" -> 1e3;
            case "m", "million", "mil", "mln" -> 1e6;
            case "b", "billion", "bn" -> 1e9;
            case "t", "trillion" -> 1e12;
            default -> 1;
        };
    }
}
