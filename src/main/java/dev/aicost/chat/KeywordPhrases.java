package dev.aicost.chat;

import dev.aicost.chat.Mention.Slot;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** The words that carry meaning on their own: serve, vs, spot, fine-tune, fp8, budget, cache, growth… */
abstract class KeywordPhrases extends WordScan {
    KeywordPhrases(Names names, List<Word> words, String text) {
        super(names, words, text);
    }

    static final Map<String, String> PRECISIONS = Map.ofEntries(Map.entry("fp8", "fp8"),
            Map.entry("int8", "int8"), Map.entry("int4", "int4"), Map.entry("fp4", "fp4"), Map.entry("nvfp4", "fp4"),
            Map.entry("bf16", "bf16"), Map.entry("fp16", "fp16"), Map.entry("fp32", "fp32"), Map.entry("tf32", "tf32"),
            Map.entry("awq", "int4"), Map.entry("gptq", "int4"), Map.entry("4bit", "int4"), Map.entry("8bit", "int8"),
            Map.entry("w4a16", "int4"), Map.entry("w8a8", "int8"));

    int keyword(int i) {
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

    int wordCount(int i) {
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

    int commitment(int i) {
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

    int termLength(int i) {
        return TERM.matcher(w(i)).matches() ? 1 : 2;
    }

    int budget(int i) {
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

    int cache(int i) {
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

    int growth(int i) {
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
}
