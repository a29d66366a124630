package dev.aicost.chat;

import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.HostedApi;
import dev.aicost.catalog.ModelSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of catalog models, accelerators and hosted APIs as chat words, by first word: every catalog
 * id, the rows of {@code catalog/chat-names.psv}, and each model id read as family, version and size
 * (llama-3.1-70b: "llama 3.1 70b", "llama 3 70b", "llama 70b", "llama 3.1", "llama 3", "llama").
 */
abstract class NameTable {
    static final String FILE = "/catalog/chat-names.psv";

    enum Kind { MODEL, ACCELERATOR, HOSTED_API, PROVIDER }

    /** A name and the catalog ids it may mean (several: a family or size whose newest release is picked). */
    record Name(List<String> words, Kind kind, List<String> ids) {
    }

    static final Pattern MODEL_ID = Pattern.compile("([a-z]+?)-?(v?\\d+(?:\\.\\d+)?)?-(\\d+(?:\\.\\d+)?b|\\d+x\\d+b)");

    static final Pattern VERSIONED_ID = Pattern.compile("([a-z]+)-v?(\\d+(?:\\.\\d+)?)");

    final Catalog catalog;

    final Map<String, List<Name>> byFirstWord = new HashMap<>();

    /** Family words (llama, mistral, gpt, claude…): their following words may be mistyped sizes or versions. */
    final Map<String, Kind> families = new LinkedHashMap<>();

    final Map<String, Set<String>> familyWords = new HashMap<>();

    NameTable(Catalog catalog) {
        this.catalog = catalog;
        Map<List<String>, Name> names = new LinkedHashMap<>();
        for (String id : catalog.acceleratorIds()) {
            add(names, words(id), Kind.ACCELERATOR, List.of(id));
        }
        for (HostedApi api : catalog.hostedApis()) {
            add(names, words(api.id()), Kind.HOSTED_API, List.of(api.id()));
        }
        for (ModelSpec m : catalog.models()) {
            add(names, words(m.id()), Kind.MODEL, List.of(m.id()));
            generated(names, m.id());
        }
        for (String[] row : rows()) {
            Kind kind = switch (row[1]) {
                case "model" -> Kind.MODEL;
                case "accelerator" -> Kind.ACCELERATOR;
                case "hosted-api" -> Kind.HOSTED_API;
                case "provider" -> Kind.PROVIDER;
                default -> throw new IllegalStateException(FILE + ": unknown kind '" + row[1] + "'");
            };
            if (kind != Kind.PROVIDER && !known(kind, row[2])) {
                throw new IllegalStateException(FILE + ": '" + row[0] + "' means '" + row[2] + "', not in the catalog");
            }
            List<String> w = words(row[0]);
            names.put(w, new Name(w, kind, List.of(row[2])));
            if (kind == Kind.HOSTED_API && w.size() > 1) {
                families.put(w.get(0), Kind.HOSTED_API); // "gpt 4o": people mean OpenAI's API, not GPT-3
                familyWords.computeIfAbsent(w.get(0), k -> new LinkedHashSet<>()).addAll(w.subList(1, w.size()));
            }
        }
        for (Name n : names.values()) {
            byFirstWord.computeIfAbsent(n.words().get(0), k -> new ArrayList<>()).add(n);
        }
        byFirstWord.values().forEach(l -> l.sort(Comparator.comparingInt((Name n) -> -n.words().size())));
    }

    boolean known(Kind kind, String id) {
        return switch (kind) {
            case MODEL -> catalog.model(id).isPresent();
            case ACCELERATOR -> catalog.accelerator(id).isPresent();
            default -> catalog.hostedApis().stream().anyMatch(a -> a.id().equals(id));
        };
    }

    /** llama-3.1-70b → "llama 3.1 70b", "llama 3 70b", "llama 70b", "llama 3.1", "llama 3", "llama". */
    void generated(Map<List<String>, Name> names, String id) {
        Matcher m = MODEL_ID.matcher(id);
        String family;
        String version;
        String size;
        if (m.matches()) {
            family = m.group(1);
            version = m.group(2) == null ? null : m.group(2).replaceFirst("^v", "");
            size = m.group(3);
        } else {
            Matcher v = VERSIONED_ID.matcher(id);
            if (!v.matches()) {
                return;
            }
            family = v.group(1);
            version = v.group(2);
            size = null;
        }
        families.put(family, Kind.MODEL);
        List<List<String>> forms = new ArrayList<>();
        if (version != null) {
            forms.add(size == null ? List.of(family, version) : List.of(family, version, size));
            String major = version.contains(".") ? version.substring(0, version.indexOf('.')) : null;
            if (major != null && size != null) {
                forms.add(List.of(family, major, size));
            }
            if (size != null) {
                forms.add(List.of(family, version));
            }
            if (major != null) {
                forms.add(List.of(family, major));
            }
        }
        if (size != null) {
            forms.add(List.of(family, size));
        }
        forms.add(List.of(family));
        for (List<String> f : forms) {
            Name before = names.get(f);
            if (before == null || before.kind() != Kind.MODEL) {
                names.put(f, new Name(f, Kind.MODEL, List.of(id)));
            } else if (!before.ids().contains(id)) {
                List<String> ids = new ArrayList<>(before.ids());
                ids.add(id);
                names.put(f, new Name(f, Kind.MODEL, List.copyOf(ids)));
            }
        }
    }

    static void add(Map<List<String>, Name> names, List<String> words, Kind kind, List<String> ids) {
        names.putIfAbsent(words, new Name(words, kind, ids));
    }

    /** A name's words as {@link Words} splits a message: lowercase, split on '-', '_' and spaces. */
    static List<String> words(String name) {
        return Arrays.stream(name.toLowerCase(Locale.ROOT).split("[-_\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    boolean family(String word) {
        return families.containsKey(word);
    }

    Set<String> familyWords() {
        return families.keySet();
    }

    static List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Names.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + FILE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#") || t.startsWith("@asOf")) {
                    continue;
                }
                String[] cells = Arrays.stream(t.split("\\|", -1)).map(String::strip).toArray(String[]::new);
                if (cells.length != 3) {
                    throw new IllegalStateException(FILE + ": expected 3 cells in '" + t + "'");
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
