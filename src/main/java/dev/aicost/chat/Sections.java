package dev.aicost.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.HostedApi;
import dev.aicost.chat.Mention.Slot;
import dev.aicost.request.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sections of the structured request a message means: the model (or the API it is bought from),
 * training, serving, the horizon, a rental; each from the mentions of its part of the message.
 */
abstract class Sections extends Refusals {
    /** @param reread reads a suggested rewrite to check that it works (null: suggest none) */
    Sections(Catalog catalog, MentionFinder finder, String text,
            java.util.function.Function<String, Reading> reread) {
        super(catalog, finder, text, reread);
    }

    static boolean isTrainingSlot(Slot s) {
        return s == Slot.TRAINING || s == Slot.TRAINING_TOKENS || s == Slot.EPOCHS || s == Slot.DEADLINE;
    }

    void model(ObjectNode r, Mention m) {
        switch (m.slot()) {
            case MODEL -> {
                r.putObject("model").put("id", m.id());
                if (m.value() == 1) {
                    notes.add("'" + m.typed() + "' read as " + catalog.model(m.id()).orElseThrow().name()
                            + ", the newest catalog release of that size");
                }
            }
            case CUSTOM_MODEL -> {
                r.putObject("model").put("parameters", m.value());
                notes.add("'" + m.typed() + "' read as a custom dense model of that size (architecture derived)");
            }
            default -> { // a hosted API: its own model when the catalog has it
                HostedApi api = catalog.hostedApis().stream().filter(a -> a.id().equals(m.id())).findFirst().orElseThrow();
                if (api.servesModel() != null) {
                    r.putObject("model").put("id", api.servesModel());
                }
                ObjectNode i = r.has("inference") ? (ObjectNode) r.get("inference") : r.putObject("inference");
                i.put("hostedApi", api.id());
                // The fleet's hardware and buying do not apply to requests bought from an API.
                i.remove(List.of("accelerator", "tensorParallel", "precision", "pricingMode"));
            }
        }
    }

    void training(ObjectNode r, Map<Slot, List<Mention>> t, int trainingAt) {
        if (trainingAt < 0) {
            return;
        }
        ObjectNode s = r.putObject("training");
        String kind = "pretraining";
        for (Mention m : t.getOrDefault(Slot.TRAINING, List.of())) {
            if (m.id().equals("lora") || m.id().equals("full-finetune") && !kind.equals("lora")) {
                kind = m.id();
            }
        }
        s.put("kind", kind);
        Optional<Mention> tokens = one(t, Slot.TRAINING_TOKENS);
        tokens.ifPresent(m -> s.put("tokens", m.value() * one(t, Slot.EPOCHS).map(Mention::value).orElse(1.0)));
        hardware(s, t, "accelerators");
        one(t, Slot.DEADLINE).ifPresent(m -> s.put("deadlineDays", m.value()));
    }

    void hardware(ObjectNode s, Map<Slot, List<Mention>> section, String countField) {
        one(section, Slot.ACCELERATOR).ifPresent(m -> s.put("accelerator", m.id()));
        one(section, Slot.COUNT).ifPresent(m -> s.put(countField, (int) m.value()));
        one(section, Slot.PRECISION).ifPresent(m -> s.put("precision", m.id()));
        one(section, Slot.PRICING).ifPresent(m -> s.put("pricingMode", m.id()));
    }

    void serving(ObjectNode r, Map<Slot, List<Mention>> s, boolean training) {
        // Bare "N tokens": a training run's when the message trains, else unreadable without guessing.
        for (Mention m : s.getOrDefault(Slot.TRAINING_TOKENS, List.of())) {
            refuse(new Problem("text", "'" + m.typed() + "': training tokens or tokens per request?",
                    "try: `" + m.typed() + " in` (per request), or `fine-tune " + m.typed() + "`"),
                    replace(m, m.typed().replaceFirst("(?i)\\s*(tokens|token|toks|tok)$", "") + " input tokens"));
        }
        Optional<Mention> traffic = one(s, Slot.TRAFFIC);
        Optional<Mention> perUser = one(s, Slot.PER_USER);
        Optional<Mention> users = one(s, Slot.USERS);
        boolean anyTraffic = traffic.isPresent() || perUser.isPresent() || users.isPresent();
        boolean hosted = all.stream().anyMatch(m -> m.slot() == Slot.HOSTED_API || m.slot() == Slot.PROVIDER);
        if (!anyTraffic && !hosted && (training || !has(Slot.ACCELERATOR) && !has(Slot.PRICING))) {
            if (training && s.containsKey(Slot.SERVE)) {
                refuse(new Problem("text", "says to serve but not how much traffic", "try: `then serve 50k "
                        + "requests/day` (or per month, per second)"), new Fix(text.length(), text.length(),
                                " 50k requests/day"));
            }
            return;
        }
        ObjectNode i = r.putObject("inference");
        if (traffic.isPresent() && perUser.isPresent()) {
            refuse(conflict(List.of(traffic.get(), perUser.get())), remove(perUser.get()));
        } else if (perUser.isPresent()) {
            if (users.isEmpty()) {
                refuse(new Problem("text", "'" + perUser.get().typed() + "' each: for how many users?",
                        "try: `10k users each sending " + perUser.get().typed() + "`"),
                        new Fix(finder.start(perUser.get().from()), finder.start(perUser.get().from()), "10k users, "));
            } else {
                i.put("requestsPerDay", perUser.get().value() * users.get().value());
            }
        } else if (traffic.isPresent()) {
            Mention m = traffic.get();
            double perRequest = one(s, Slot.INPUT_TOKENS).map(Mention::value).orElse(500.0)
                    + one(s, Slot.OUTPUT_TOKENS).map(Mention::value).orElse(250.0);
            double scale = "tokens".equals(m.id()) ? 1 / perRequest : 1;
            if ("tokens".equals(m.id())) {
                notes.add("'" + m.typed() + "' read as " + (long) (m.value() * scale) + " requests/day of "
                        + (long) perRequest + " tokens each");
            }
            if (Double.isNaN(m.high())) {
                i.put("requestsPerDay", m.value() * scale);
            } else {
                i.putObject("requestsPerDay").put("low", m.value() * scale).put("high", m.high() * scale);
            }
        } else if (users.isPresent()) {
            refuse(new Problem("text", "'" + users.get().typed() + "': how many requests a day does each send?",
                    "try: `" + users.get().typed() + " each sending 5 messages a day`"),
                    replace(users.get(), users.get().typed() + " each sending 5 messages a day"));
        }
        users.ifPresent(m -> i.put("users", m.value()));
        one(s, Slot.INPUT_TOKENS).ifPresent(m -> i.put("inputTokens", (int) Math.round(m.value())));
        one(s, Slot.OUTPUT_TOKENS).ifPresent(m -> i.put("outputTokens", (int) Math.round(m.value())));
        hardware(i, s, "tensorParallel");
        for (Slot l : List.of(Slot.TTFT, Slot.TPOT, Slot.E2E)) {
            one(s, l).ifPresent(m -> ((ObjectNode) (i.has("latencyTargetMs") ? i.get("latencyTargetMs")
                    : i.putObject("latencyTargetMs"))).put(l.name().toLowerCase() + "Ms", m.value()));
        }
        one(s, Slot.E2E).ifPresent(m -> notes.add("'" + m.typed() + "' read as an end-to-end latency target"));
        one(s, Slot.CACHE).ifPresent(m -> i.put("cacheHitRate", m.value()));
        one(s, Slot.GROWTH).ifPresent(m -> i.put("monthlyGrowth", m.value()));
    }

    /** "over 3 years", "36-month horizon", "for 18 months" (when nothing is trained), "yearly cost". */
    void horizon(ObjectNode r, List<Mention> horizons, boolean training, int servingFrom) {
        Mention span = all.stream().filter(m -> m.slot() == Slot.RENTAL_HOURS).findFirst().orElse(null);
        // In the training part, "for 3 months" could be its deadline; after "then serve …" it is the horizon.
        if (span != null && training && span.from() < servingFrom) {
            Fix within = replace(span, span.typed().replaceFirst("^(?i)for ", "within "));
            refuse(new Problem("text", "'" + span.typed() + "': a training deadline or the horizon?",
                    "try: `within " + span.typed().replaceFirst("^for ", "") + "` (a deadline) or `over "
                            + span.typed().replaceFirst("^for ", "") + "` (the horizon)"),
                    java.util.stream.Stream.concat(java.util.stream.Stream.of(within), all.stream()
                            .filter(m -> m.slot() == Slot.RENTAL_HOURS && m != span).map(this::remove))
                            .toArray(Fix[]::new));
            return;
        }
        if (!horizons.isEmpty()) {
            r.put("horizonMonths", (int) Math.round(horizons.get(0).value()));
            if (span != null) {
                refuse(conflict(List.of(horizons.get(0), span)), remove(span));
            }
            return;
        }
        if (span != null) {
            double months = span.value() / MentionFinder.HOURS_PER_MONTH;
            if (months >= 1 && Math.abs(months - Math.rint(months)) < 0.05) {
                r.put("horizonMonths", (int) Math.rint(months));
            } else {
                ignored.add(span.typed());
            }
            return;
        }
        all.stream().filter(m -> m.slot() == Slot.HORIZON && "soft".equals(m.id())).findFirst()
                .ifPresent(m -> r.put("horizonMonths", 12));
    }

    void rental(ObjectNode r, Map<Slot, List<Mention>> s) {
        ObjectNode rent = r.putObject("rental");
        one(s, Slot.ACCELERATOR).ifPresent(m -> rent.put("accelerator", m.id()));
        rent.put("accelerators", (int) one(s, Slot.COUNT).map(Mention::value).orElse(1.0).doubleValue());
        List<Mention> spans = distinct(all.stream().filter(m -> m.slot() == Slot.RENTAL_HOURS).toList());
        if (spans.size() > 1) {
            refuse(conflict(spans), removeAllButFirst(spans));
        }
        rent.put("hours", spans.get(0).value());
        one(s, Slot.PRICING).ifPresent(m -> rent.put("pricingMode", m.id()));
    }
}
