package dev.aicost.engine.core;

import dev.aicost.catalog.WireName;
import dev.aicost.report.Assumption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one way the engine fills a value the request left out and says so. A recording instance
 * collects assumptions and warnings in the order the engine made them; the silent one (the
 * advisor's what-if runs, whose explanations nobody reads) keeps nothing and never builds a
 * reason, because every reason is a {@link Supplier}.
 */
public class Notes {
    private static final Notes SILENT = new Notes(false);

    private final boolean recording;
    private final Map<String, Assumption> assumptions;
    private final List<String> warnings;

    private Notes(boolean recording) {
        this.recording = recording;
        this.assumptions = recording ? new LinkedHashMap<>() : Map.of();
        this.warnings = recording ? new ArrayList<>() : List.of();
    }

    public static Notes recorder() {
        return new Notes(true);
    }

    public static Notes silent() {
        return SILENT;
    }

    public boolean recording() {
        return recording;
    }

    /** {@code given} if the request had it; else {@code fallback}, recorded at {@code path} with its reason. */
    public <T> T orDefault(T given, T fallback, String path, Supplier<String> reason) {
        if (given != null) {
            return given;
        }
        assume(path, fallback, reason);
        return fallback;
    }

    /** As {@link #orDefault(Object, Object, String, Supplier)}, with a fixed reason (no lambda to link). */
    public <T> T orDefault(T given, T fallback, String path, String reason) {
        if (given != null) {
            return given;
        }
        assume(path, fallback, reason);
        return fallback;
    }

    // The same at {@code path + field}, joined only when recording: the what-if runs, which record
    // nothing, would otherwise build a dozen path strings per run for nobody.

    public <T> T orDefault(T given, T fallback, String path, String field, Supplier<String> reason) {
        return given != null ? given : orDefault(null, fallback, recording ? path + field : path, reason);
    }

    public <T> T orDefault(T given, T fallback, String path, String field, String reason) {
        return given != null ? given : orDefault(null, fallback, recording ? path + field : path, reason);
    }

    public <N extends Number> N orCatalog(N given, N catalog, String path, String field) {
        return given == null ? catalog : orCatalog(given, catalog, recording ? path + field : path);
    }

    public void assume(String path, String field, Object value, Supplier<String> reason) {
        if (recording) {
            assume(path + field, value, reason);
        }
    }

    public void assume(String path, String field, Object value, String reason) {
        if (recording) {
            assume(path + field, value, reason);
        }
    }

    /**
     * {@code given} if the request overrode the catalog's value (recorded when they differ), else
     * the catalog's value.
     */
    public <N extends Number> N orCatalog(N given, N catalog, String path) {
        if (given == null) {
            return catalog;
        }
        if (given.doubleValue() != catalog.doubleValue()) {
            assume(path, Num.shown(given.doubleValue()), () -> "overridden by the request (catalog: "
                    + Num.show(catalog.doubleValue()) + ")");
        }
        return given;
    }

    /**
     * Records a value the engine chose or derived. Enums are shown by their wire name, numbers
     * wrapped in {@link Num#shown} compactly, anything else as {@code String.valueOf}.
     */
    public void assume(String path, Object value, Supplier<String> reason) {
        if (recording && !assumptions.containsKey(path)) {
            assume(path, value, reason.get());
        }
    }

    /** As {@link #assume(String, Object, Supplier)}, with a fixed reason. */
    public void assume(String path, Object value, String reason) {
        if (recording && !assumptions.containsKey(path)) {
            String shown = value instanceof WireName w ? w.wireName() : String.valueOf(value);
            assumptions.put(path, new Assumption(path, shown, reason));
        }
    }

    /** A value shown as text built only when (and if) an assumption is recorded, as {@link Num#shown} is for numbers. */
    public static Object text(Supplier<String> text) {
        return new Object() {
            @Override
            public String toString() {
                return text.get();
            }
        };
    }

    public void warn(Supplier<String> text) {
        if (recording) {
            String t = text.get();
            if (!warnings.contains(t)) {
                warnings.add(t);
            }
        }
    }

    /** A recorder if this one records, else the silent one: for a run whose explanations may be kept. */
    public Notes aside() {
        return recording ? recorder() : SILENT;
    }

    /**
     * Keeps another run's explanations as if that run had recorded here: assumptions at paths not yet
     * assumed, warnings not yet given, in their order.
     */
    public void absorb(Notes other) {
        if (recording) {
            other.assumptions.forEach(assumptions::putIfAbsent);
            other.warnings.forEach(w -> {
                if (!warnings.contains(w)) {
                    warnings.add(w);
                }
            });
        }
    }

    public List<Assumption> assumptions() {
        return List.copyOf(assumptions.values());
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
