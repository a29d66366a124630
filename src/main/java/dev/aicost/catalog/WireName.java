package dev.aicost.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The name an enum constant has in requests and reports: its Java name in lower case with '-'
 * for '_' ({@code COMMIT_1Y} → {@code commit-1y}). One rule for every enum, so a new constant
 * cannot get a wire name that disagrees with the others.
 */
public interface WireName {
    String name();

    default String wireName() {
        // Computed once per constant: reports and assumptions ask for these names thousands of times a request.
        String known = Cache.NAMES.get(this);
        return known != null ? known : Cache.NAMES.computeIfAbsent(this,
                c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** Wire names already computed, by constant (enum constants: identity hashes, never collected). */
    final class Cache {
        private static final Map<WireName, String> NAMES = new ConcurrentHashMap<>();

        private Cache() {
        }
    }

    /** Wire name → constant, in declaration order (for parsing and for "one of …" messages). */
    static <E extends Enum<E> & WireName> Map<String, E> byWireName(Iterable<E> constants) {
        Map<String, E> m = new LinkedHashMap<>();
        for (E e : constants) {
            m.put(e.wireName(), e);
        }
        return Collections.unmodifiableMap(m);
    }
}
