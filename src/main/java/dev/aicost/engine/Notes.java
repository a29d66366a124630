package dev.aicost.engine;

import dev.aicost.report.Assumption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the assumptions and warnings of one estimate, in the order the engine made them. */
class Notes {
    private final Map<String, Assumption> assumptions = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    /** Notes that keep nothing: for the advisor's what-if runs, whose explanations nobody reads. */
    static Notes quiet() {
        return new Notes() {
            @Override
            boolean on() {
                return false;
            }

            @Override
            void assume(String name, Object value, String reason) {
            }

            @Override
            void warn(String text) {
            }
        };
    }

    /** False for quiet notes: callers skip building explanations nobody will read. */
    boolean on() {
        return true;
    }

    void assume(String name, Object value, String reason) {
        assumptions.putIfAbsent(name, new Assumption(name, String.valueOf(value), reason));
    }

    void warn(String text) {
        if (!warnings.contains(text)) {
            warnings.add(text);
        }
    }

    List<Assumption> assumptions() {
        return List.copyOf(assumptions.values());
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
