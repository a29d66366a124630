package dev.aicost.chat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aicost.catalog.Catalog;
import dev.aicost.chat.Mention.Slot;
import dev.aicost.request.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What reading a message found wrong and how to put it right: one value per thing (two are a question,
 * unless 'vs'/'or'/'compare' joins them), each problem with the fix that resolves it, and the
 * whole-message rewrite a refusal suggests, offered only when it reads without problems.
 */
abstract class Refusals {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    final Catalog catalog;

    final MentionFinder finder;

    final List<Mention> all;

    final List<Problem> problems = new ArrayList<>();

    final List<String> ignored;

    final List<String> notes = new ArrayList<>();

    /** What would resolve the problems; a rewrite is offered only when every problem has its fix. */
    final List<Fix> fixes = new ArrayList<>();

    boolean allFixable = true;

    final String text;

    final java.util.function.Function<String, Reading> reread;

    /** @param reread reads a suggested rewrite to check that it works (null: suggest none) */
    Refusals(Catalog catalog, MentionFinder finder, String text,
            java.util.function.Function<String, Reading> reread) {
        this.catalog = catalog;
        this.finder = finder;
        this.all = finder.found;
        this.text = text;
        this.reread = reread;
        this.problems.addAll(finder.problems);
        for (Fix f : finder.fixes) {
            if (f == null) {
                allFixable = false;
            } else {
                fixes.add(f);
            }
        }
        this.ignored = new ArrayList<>(finder.ignored());
    }

    void refuse(Problem p, Fix... resolving) {
        refuse(problems.size(), p, resolving);
    }

    void refuse(int at, Problem p, Fix... resolving) {
        problems.add(at, p);
        if (resolving.length == 0) {
            allFixable = false;
        }
        fixes.addAll(List.of(resolving));
    }

    /** Words that only join a removed value to the message ("and a100", "or mistral 7b", "over 24 months"). */
    static final java.util.Set<String> JOINING = java.util.Set.of("and", "or", "vs", "versus", "over", "for",
            "budget", "actually", "also", "then", "on", "at", "with");

    /** A value taken out of the message, with the joining words and the count just before it. */
    Fix remove(Mention m) {
        int from = m.from();
        for (int back = 0; back < 3 && from > 0; back++) {
            int k = from - 1;
            String w = finder.word(k);
            boolean count = m.slot() == Slot.ACCELERATOR && all.stream().anyMatch(x -> x.slot() == Slot.COUNT
                    && x.to() == m.from());
            boolean mentioned = all.stream().anyMatch(x -> x.from() <= k && k < x.to() && x.slot() != Slot.JOINER);
            if (JOINING.contains(w) && !mentioned || count && back == 0) {
                from = k;
            } else {
                break;
            }
        }
        return new Fix(finder.start(from), finder.end(m.to()), "");
    }

    Fix replace(Mention m, String by) {
        return new Fix(finder.start(m.from()), finder.end(m.to()), by);
    }

    /** Every problem, each with the rewrite of the whole message that resolves them all, when it reads. */
    List<Problem> withRewrite() {
        if (!allFixable || reread == null || fixes.isEmpty()) {
            return List.copyOf(problems);
        }
        String rewrite = Fix.apply(text, fixes);
        if (!reread.apply(rewrite).understood()) {
            return List.copyOf(problems);
        }
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) {
            String compare = p.allowed() != null && p.allowed().contains("compare them")
                    ? ", or " + p.allowed().substring(p.allowed().indexOf("compare them")) : "";
            out.add(new Problem(p.path(), p.problem(), "try: `" + rewrite + "`" + compare));
        }
        return out;
    }

    boolean has(Slot s) {
        return first(s) >= 0;
    }

    int first(Slot s) {
        for (Mention m : all) {
            if (m.slot() == s) {
                return m.from();
            }
        }
        return -1;
    }

    static Optional<Mention> one(Map<Slot, List<Mention>> section, Slot s) {
        List<Mention> l = section.get(s);
        return l == null || l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    static List<Mention> distinct(List<Mention> values) {
        List<Mention> out = new ArrayList<>();
        if (values == null) {
            return out;
        }
        for (Mention m : values) {
            if (out.stream().noneMatch(o -> o.same(m))) {
                out.add(m);
            }
        }
        return out;
    }

    /** Whether every two neighbouring values are joined by 'vs' / 'or' (or 'and' in a message that says compare). */
    boolean joined(List<Mention> values) {
        for (int k = 1; k < values.size(); k++) {
            if (!between(values.get(k - 1), values.get(k), false)) {
                return false;
            }
        }
        return true;
    }

    boolean between(Mention a, Mention b, boolean joinerOnly) {
        boolean compare = has(Slot.COMPARE);
        for (Mention m : all) {
            if (m.from() >= a.to() && m.to() <= b.from() && m.slot() == Slot.JOINER) {
                return true;
            }
        }
        if (!joinerOnly && compare) {
            for (int k = a.to(); k < b.from(); k++) {
                if (finder.word(k).equals("and")) {
                    return true;
                }
            }
        }
        return false;
    }

    Fix[] removeAllButFirst(List<Mention> values) {
        return values.subList(1, values.size()).stream().map(this::remove).toArray(Fix[]::new);
    }

    Problem conflict(List<Mention> values) {
        Slot s = values.get(0).slot();
        boolean named = s.model() || s == Slot.ACCELERATOR;
        if (values.size() == 2) {
            return new Problem("text", "two " + values.get(0).slot().plural + ": " + shown(values.get(0), named)
                    + " and " + shown(values.get(1), named), "say one, or compare them: `" + values.get(0).typed()
                    + " vs " + values.get(1).typed() + "`");
        }
        return new Problem("text", values.get(0).slot().plural + " not all joined by 'vs' or 'or': " + quoted(values),
                "try: `" + values.get(0).typed() + " vs " + values.get(1).typed() + "`");
    }

    String shown(Mention m, boolean named) {
        String id = m.slot() == Slot.CUSTOM_MODEL ? "custom" : m.id();
        return "'" + m.typed() + "'" + (named && id != null ? " (" + id + ")" : "");
    }

    static String quoted(List<Mention> values) {
        List<String> q = new ArrayList<>();
        for (Mention m : values) {
            q.add("'" + m.typed() + "'");
        }
        return String.join(", ", q);
    }

    String label(Mention m) {
        return m.slot() == Slot.CUSTOM_MODEL ? m.typed() : m.id();
    }
}
