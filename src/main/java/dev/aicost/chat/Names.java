package dev.aicost.chat;

import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.request.Suggest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names people give catalog models, accelerators and hosted APIs in a chat message: every catalog
 * id, the names of {@code catalog/chat-names.psv}, and each model id read as family, version and size,
 * so that "llama 3 70b" or "llama 70b" finds the newest catalog release of that family and size.
 * Words are compared after {@link Words} has split them ("Llama-3.1-8B-Instruct" → llama 3.1 8b instruct).
 */
final class Names extends NameTable {
    Names(Catalog catalog) {
        super(catalog);
    }

    /**
     * What the words at a position name: {@code ids} (one unless a size must be chosen), or, when a known
     * family is followed by a version or size the catalog does not have, {@code unknown} with what it has.
     */
    record Match(Kind kind, List<String> ids, int length, boolean newest, String unknown, List<String> near) {
        String id() {
            return ids.get(0);
        }
    }

    static final Pattern VERSION_WORD = Pattern.compile("v?\\d+(?:\\.\\d+)?[a-z]?|\\d+(?:\\.\\d+)?b|\\d+x\\d+b");

    /** Words after a model name that do not change which model it is (Hugging Face suffixes). */
    static final Set<String> MODEL_SUFFIXES = Set.of("instruct", "chat", "it", "hf", "base", "versatile", "turbo");

    /** The longest name at {@code at}, else a known family with a version or size the catalog lacks; null: none. */
    Match match(List<Word> ws, int at) {
        String first = ws.get(at).text();
        Match exact = longest(ws, at, first, false);
        if (exact != null) {
            return exact;
        }
        String near = nearFamily(first);
        if (near != null && at + 1 < ws.size() && VERSION_WORD.matcher(ws.get(at + 1).text()).matches()) {
            Match typo = longest(ws, at, near, true);
            return typo != null ? typo : unknownInFamily(ws, at, near);
        }
        if (families.containsKey(first) && at + 1 < ws.size()) {
            return unknownInFamily(ws, at, first);
        }
        return null;
    }

    Match longest(List<Word> ws, int at, String first, boolean typo) {
        List<Name> candidates = byFirstWord.get(first);
        if (candidates == null) {
            candidates = first.endsWith("s") ? byFirstWord.get(first.substring(0, first.length() - 1)) : null;
            if (candidates == null || candidates.stream().noneMatch(n -> n.kind() == Kind.ACCELERATOR)) {
                return null; // a plural only for hardware: "h100s", "a100s"
            }
        }
        for (Name n : candidates) {
            if (matches(n, ws, at)) {
                int length = n.words().size();
                if (n.kind() == Kind.MODEL) {
                    while (at + length < ws.size() && MODEL_SUFFIXES.contains(ws.get(at + length).text())) {
                        length++;
                    }
                }
                if (n.kind() == Kind.MODEL && strayVersionOrSize(n, ws, at + n.words().size())) {
                    return unknownInFamily(ws, at, n.words().get(0)); // "llama 3 13b", "llama 4 scout"
                }
                return resolved(n, length, typo);
            }
        }
        return null;
    }

    static final Pattern SIZE_WORD = Pattern.compile("\\d+(?:\\.\\d+)?b|\\d+x\\d+b");

    static final Pattern BARE_VERSION = Pattern.compile("v\\d+(?:\\.\\d+)?|\\d+\\.\\d+|\\d{1,2}");

    /** A size after a name without one, or a version after a bare family: a release the catalog lacks. */
    boolean strayVersionOrSize(Name n, List<Word> ws, int next) {
        if (next >= ws.size()) {
            return false;
        }
        String w = ws.get(next).text();
        boolean hasSize = n.words().stream().anyMatch(x -> SIZE_WORD.matcher(x).matches());
        if (!hasSize && SIZE_WORD.matcher(w).matches()) {
            return true;
        }
        boolean unitFollows = next + 1 < ws.size() && !ws.get(next + 1).text().matches("[a-z]+") ;
        return n.words().size() == 1 && families.containsKey(n.words().get(0)) && BARE_VERSION.matcher(w).matches()
                && !unitFollows && !ws.get(next).clauseEnd();
    }

    static boolean matches(Name n, List<Word> ws, int at) {
        if (at + n.words().size() > ws.size()) {
            return false;
        }
        for (int k = 1; k < n.words().size(); k++) {
            String w = ws.get(at + k).text();
            String want = n.words().get(k);
            boolean last = k == n.words().size() - 1;
            if (!(w.equals(want) || w.equals("v" + want) || last && n.kind() == Kind.ACCELERATOR && w.equals(want + "s"))) {
                return false;
            }
        }
        return true;
    }

    Match resolved(Name n, int length, boolean typo) {
        if (n.kind() != Kind.MODEL || n.ids().size() == 1) {
            return new Match(n.kind(), n.ids(), length, false, null, List.of());
        }
        // Several releases: the newest of one size, or the question which size.
        Map<String, ModelSpec> newestBySize = new LinkedHashMap<>();
        for (String id : n.ids()) {
            ModelSpec m = catalog.model(id).orElseThrow();
            newestBySize.merge(sizeOf(id), m, (a, b) -> newer(a.id(), b.id()) ? a : b);
        }
        List<String> sizes = newestBySize.values().stream().sorted(Comparator.comparingDouble(ModelSpec::parameters))
                .map(ModelSpec::id).toList();
        if (sizes.size() > 1 && !sameSize(n.ids())) {
            return new Match(Kind.MODEL, sizes, length, false, null, List.of());
        }
        return new Match(Kind.MODEL, List.of(sizes.get(0)), length, true, null, List.of());
    }

    boolean sameSize(List<String> ids) {
        return ids.stream().map(id -> sizeOf(id)).distinct().count() == 1;
    }

    static String sizeOf(String id) {
        Matcher m = MODEL_ID.matcher(id);
        return m.matches() ? m.group(3) : id;
    }

    /** Whether catalog model a is a newer release than b (llama-3.3-70b over llama-3.1-70b over llama-2-70b). */
    static boolean newer(String a, String b) {
        Matcher ma = MODEL_ID.matcher(a);
        Matcher mb = MODEL_ID.matcher(b);
        if (!ma.matches() || !mb.matches()) {
            return false;
        }
        return compareVersions(ma.group(2), mb.group(2)) > 0;
    }

    static int compareVersions(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        String[] pa = a.replace("v", "").split("\\.");
        String[] pb = b.replace("v", "").split("\\.");
        for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
            int x = i < pa.length ? Integer.parseInt(pa[i]) : 0;
            int y = i < pb.length ? Integer.parseInt(pb[i]) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    /** A known family followed by a version or size the catalog does not have: which of its members are near. */
    Match unknownInFamily(List<Word> ws, int at, String family) {
        int end = at + 1;
        Set<String> tiers = familyWords.getOrDefault(family, Set.of());
        while (end < ws.size() && end < at + 4 && (VERSION_WORD.matcher(ws.get(end).text()).matches()
                && !ws.get(end).text().matches("\\d+(\\.\\d+)?[kmt]") || tiers.contains(ws.get(end).text()))) {
            end++;
        }
        if (end == at + 1) {
            return null;
        }
        Kind kind = families.get(family);
        List<String> phrase = new ArrayList<>();
        for (int k = at; k < end; k++) {
            phrase.add(ws.get(k).text());
        }
        List<String> near = new ArrayList<>();
        String sizeOrTier = null;
        for (String w : phrase.subList(1, phrase.size())) {
            if (w.matches("\\d+(\\.\\d+)?b|\\d+x\\d+b") || tiers.contains(w)) {
                sizeOrTier = w;
            }
        }
        for (Name n : byFirstWord.getOrDefault(family, List.of())) {
            if (n.kind() != kind) {
                continue;
            }
            for (String id : n.ids()) {
                boolean related = sizeOrTier == null || n.words().contains(sizeOrTier);
                if (related && !near.contains(id)) {
                    near.add(id);
                }
            }
        }
        // Nearest first: the members sharing most of what was typed ("llama 4 …" → the Llama 4 models), so the
        // suggested rewrite keeps the version asked for rather than the family's first entry.
        List<String> typed = phrase.subList(1, phrase.size());
        near.sort(java.util.Comparator.comparingLong(id -> -typed.stream()
                .filter(w -> List.of(id.split("-")).contains(w)).count()));
        String label = family + (sizeOrTier == null ? "" : " " + sizeOrTier);
        return new Match(kind, List.of(), end - at, false, label, List.copyOf(near));
    }

    String nearFamily(String word) {
        if (word.length() < 4 || families.containsKey(word) || byFirstWord.containsKey(word)) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String f : families.keySet()) {
            int d = Suggest.distance(word, f);
            if (d < bestDistance) {
                best = f;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        int allowed = word.length() <= 4 ? 1 : 2;
        return best != null && !tie && bestDistance <= allowed ? best : null;
    }
}
