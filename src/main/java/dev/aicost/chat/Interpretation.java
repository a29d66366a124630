package dev.aicost.chat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.HostedApi;
import dev.aicost.chat.Mention.Slot;
import dev.aicost.request.Problem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what a message says ({@link Mention}s) into the structured request(s) it means. One value per
 * thing: two different ones are a question to the person (which did you mean?), unless 'vs', 'or' or
 * 'compare' joins them, which makes a comparison: one request per option.
 */
final class Interpretation {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Catalog catalog;
    private final MentionFinder finder;
    private final List<Mention> all;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> ignored;
    private final List<String> notes = new ArrayList<>();
    /** What would resolve the problems; a rewrite is offered only when every problem has its fix. */
    private final List<Fix> fixes = new ArrayList<>();
    private boolean allFixable = true;
    private final String text;
    private final java.util.function.Function<String, Reading> reread;

    /** @param reread reads a suggested rewrite to check that it works (null: suggest none) */
    Interpretation(Catalog catalog, MentionFinder finder, String text,
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

    private void refuse(Problem p, Fix... resolving) {
        refuse(problems.size(), p, resolving);
    }

    private void refuse(int at, Problem p, Fix... resolving) {
        problems.add(at, p);
        if (resolving.length == 0) {
            allFixable = false;
        }
        fixes.addAll(List.of(resolving));
    }

    /** Words that only join a removed value to the message ("and a100", "or mistral 7b", "over 24 months"). */
    private static final java.util.Set<String> JOINING = java.util.Set.of("and", "or", "vs", "versus", "over", "for",
            "budget", "actually", "also", "then", "on", "at", "with");

    /** A value taken out of the message, with the joining words and the count just before it. */
    private Fix remove(Mention m) {
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

    private Fix replace(Mention m, String by) {
        return new Fix(finder.start(m.from()), finder.end(m.to()), by);
    }

    /** Every problem, each with the rewrite of the whole message that resolves them all, when it reads. */
    private List<Problem> withRewrite() {
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

    Reading read() {
        int trainingAt = first(Slot.TRAINING);
        int servingFrom = Integer.MAX_VALUE;
        if (trainingAt >= 0) {
            for (Mention m : all) {
                if (m.from() > trainingAt && (m.slot() == Slot.SERVE || m.slot() == Slot.TRAFFIC
                        || m.slot() == Slot.PER_USER || m.slot() == Slot.USERS)) {
                    servingFrom = m.from();
                    break;
                }
            }
        }
        List<Mention> models = modelChoices();
        boolean rental = models.isEmpty() && trainingAt < 0 && has(Slot.ACCELERATOR) && has(Slot.RENTAL_HOURS)
                && !has(Slot.TRAFFIC) && !has(Slot.PER_USER);
        Map<Slot, List<Mention>> training = new EnumMap<>(Slot.class);
        Map<Slot, List<Mention>> serving = new EnumMap<>(Slot.class);
        for (Mention m : all) {
            boolean hardware = m.slot() == Slot.ACCELERATOR || m.slot() == Slot.COUNT || m.slot() == Slot.PRECISION
                    || m.slot() == Slot.PRICING;
            boolean toTraining = trainingAt >= 0 && (hardware ? m.from() < servingFrom : isTrainingSlot(m.slot()));
            (toTraining ? training : serving).computeIfAbsent(m.slot(), k -> new ArrayList<>()).add(m);
        }
        // The thing compared: the one slot whose values are joined by vs / or / compare.
        Slot compared = null;
        List<Mention> options = List.of();
        List<List<Mention>> choices = List.of(models, distinct(serving.get(Slot.ACCELERATOR)),
                distinct(serving.get(Slot.PRICING)), distinct(serving.get(Slot.PRECISION)),
                distinct(training.get(Slot.ACCELERATOR)), distinct(training.get(Slot.PRICING)),
                distinct(training.get(Slot.PRECISION)));
        for (List<Mention> values : choices) {
            if (values.size() < 2) {
                continue;
            }
            if (joined(values)) {
                if (compared != null) {
                    refuse(new Problem("text", "compares two things at once: " + quoted(options) + " and "
                            + quoted(values), "compare one thing at a time, e.g. `llama-3.1-8b vs mistral-7b 50k/day`"),
                            removeAllButFirst(values));
                    continue;
                }
                compared = values.get(0).slot();
                options = values;
            } else {
                refuse(conflict(values), removeAllButFirst(values));
            }
        }
        for (Slot s : List.of(Slot.TRAFFIC, Slot.PER_USER, Slot.USERS, Slot.INPUT_TOKENS, Slot.OUTPUT_TOKENS,
                Slot.TTFT, Slot.TPOT, Slot.E2E, Slot.BUDGET, Slot.CACHE, Slot.GROWTH, Slot.TRAINING_TOKENS,
                Slot.EPOCHS, Slot.DEADLINE, Slot.COUNT)) {
            for (Map<Slot, List<Mention>> section : List.of(training, serving)) {
                List<Mention> values = distinct(section.get(s));
                if (values.size() > 1) {
                    refuse(conflict(values), removeAllButFirst(values));
                }
            }
        }
        List<Mention> horizons = distinct(all.stream().filter(m -> m.slot() == Slot.HORIZON && m.id() == null).toList());
        if (horizons.size() > 1) {
            refuse(conflict(horizons), removeAllButFirst(horizons));
        }
        ObjectNode base = F.objectNode();
        if (rental) {
            rental(base, serving);
        } else {
            training(base, training, trainingAt);
            serving(base, serving, trainingAt >= 0);
            horizon(base, horizons, trainingAt >= 0, servingFrom);
            one(serving, Slot.BUDGET).ifPresent(b -> base.put("monthlyBudgetUsd", b.value()));
            if (models.isEmpty() && !finder.modelProblem) {
                boolean something = base.has("training") || base.has("inference");
                refuse(0, new Problem("text", something ? "names no model" : "names no model and nothing to "
                        + "estimate", "try: `llama-3.1-8b 50k requests/day on l4`, or `/aicost help`"), something
                                ? new Fix(0, 0, "llama-3.1-8b ") : new Fix(0, text.length(),
                                        "llama-3.1-8b 50k requests/day on l4"));
            } else if (!base.has("training") && !(base.has("inference") && base.get("inference").has("requestsPerDay"))
                    && problems.isEmpty()) {
                refuse(new Problem("text", "says neither how much traffic to serve nor what to train",
                        "try: `" + label(models.get(0)) + " 50k requests/day`"), new Fix(text.length(), text.length(),
                                " 50k requests/day"));
            }
        }
        if (!problems.isEmpty()) {
            return new Reading(List.of(), List.of(), ignored, notes, withRewrite());
        }
        List<ObjectNode> requests = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (compared == null) {
            ObjectNode one = base.deepCopy();
            if (!rental) {
                model(one, models.get(0));
            }
            requests.add(one);
        } else {
            for (Mention option : options) {
                ObjectNode r = base.deepCopy();
                if (compared.model()) {
                    model(r, option);
                } else {
                    model(r, models.get(0));
                    ObjectNode section = (ObjectNode) r.get(training.containsKey(compared) && training.get(compared)
                            .contains(option) ? "training" : "inference");
                    section.put(compared == Slot.ACCELERATOR ? "accelerator" : compared == Slot.PRICING
                            ? "pricingMode" : "precision", option.id());
                }
                requests.add(r);
                labels.add(option.typed());
            }
        }
        return new Reading(List.copyOf(requests), List.copyOf(labels), List.copyOf(ignored),
                List.copyOf(new java.util.LinkedHashSet<>(notes)), List.of());
    }

    private static boolean isTrainingSlot(Slot s) {
        return s == Slot.TRAINING || s == Slot.TRAINING_TOKENS || s == Slot.EPOCHS || s == Slot.DEADLINE;
    }

    private boolean has(Slot s) {
        return first(s) >= 0;
    }

    private int first(Slot s) {
        for (Mention m : all) {
            if (m.slot() == s) {
                return m.from();
            }
        }
        return -1;
    }

    private static Optional<Mention> one(Map<Slot, List<Mention>> section, Slot s) {
        List<Mention> l = section.get(s);
        return l == null || l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private static List<Mention> distinct(List<Mention> values) {
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

    /**
     * The models, hosted APIs and providers that could answer the requests. A provider right after a
     * model ("llama 70b on groq") buys that model from it; after 'or' ("self-hosted or groq") it is an
     * option of its own.
     */
    private List<Mention> modelChoices() {
        List<Mention> out = new ArrayList<>();
        Mention previousModel = null;
        for (Mention m : all) {
            if (!m.slot().model()) {
                continue;
            }
            if (m.slot() == Slot.PROVIDER) {
                Mention model = previousModel;
                if (model == null) {
                    model = all.stream().filter(x -> x.slot() == Slot.MODEL && x.from() > m.from()).findFirst()
                            .orElse(null);
                }
                Optional<HostedApi> api = providerApi(m.id(), model == null ? null : model.id());
                if (api.isEmpty()) {
                    refuse(new Problem("text", "'" + m.typed() + "' sells no " + (model == null ? "catalog model"
                            : model.id()) + " in the catalog", "try: `" + catalog.hostedApis().stream()
                                    .filter(a -> a.provider().equals(m.id())).map(HostedApi::id).findFirst()
                                    .orElse("groq-llama-3.3-70b") + "`"));
                    continue;
                }
                Mention hosted = new Mention(Slot.HOSTED_API, api.get().id(), Double.NaN, Double.NaN, m.from(), m.to(),
                        m.typed());
                boolean attached = previousModel != null && !between(previousModel, m, true);
                if (attached) {
                    out.set(out.indexOf(previousModel), new Mention(Slot.HOSTED_API, api.get().id(), previousModel
                            .value(), Double.NaN, previousModel.from(), m.to(), previousModel.typed() + " on "
                            + m.typed()));
                    previousModel = null;
                } else if (model != null && previousModel == null && out.contains(model)) {
                    out.add(hosted);
                } else if (model != null && previousModel == null) {
                    // "groq llama 70b": the model comes after; buy it there.
                    out.add(hosted);
                    skipModel = model;
                } else {
                    out.add(hosted);
                }
                continue;
            }
            if (m == skipModel) {
                continue;
            }
            out.add(m);
            previousModel = m.slot() == Slot.MODEL ? m : null;
        }
        return distinct(out);
    }

    private Mention skipModel;

    private Optional<HostedApi> providerApi(String provider, String modelId) {
        return catalog.hostedApis().stream().filter(a -> a.provider().equals(provider) && a.servesModel() != null
                && (modelId == null || a.servesModel().equals(modelId))).findFirst();
    }

    /** Whether every two neighbouring values are joined by 'vs' / 'or' (or 'and' in a message that says compare). */
    private boolean joined(List<Mention> values) {
        for (int k = 1; k < values.size(); k++) {
            if (!between(values.get(k - 1), values.get(k), false)) {
                return false;
            }
        }
        return true;
    }

    private boolean between(Mention a, Mention b, boolean joinerOnly) {
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

    private Fix[] removeAllButFirst(List<Mention> values) {
        return values.subList(1, values.size()).stream().map(this::remove).toArray(Fix[]::new);
    }

    private Problem conflict(List<Mention> values) {
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

    private String shown(Mention m, boolean named) {
        String id = m.slot() == Slot.CUSTOM_MODEL ? "custom" : m.id();
        return "'" + m.typed() + "'" + (named && id != null ? " (" + id + ")" : "");
    }

    private static String quoted(List<Mention> values) {
        List<String> q = new ArrayList<>();
        for (Mention m : values) {
            q.add("'" + m.typed() + "'");
        }
        return String.join(", ", q);
    }

    private String label(Mention m) {
        return m.slot() == Slot.CUSTOM_MODEL ? m.typed() : m.id();
    }

    private void model(ObjectNode r, Mention m) {
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

    private void training(ObjectNode r, Map<Slot, List<Mention>> t, int trainingAt) {
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

    private void hardware(ObjectNode s, Map<Slot, List<Mention>> section, String countField) {
        one(section, Slot.ACCELERATOR).ifPresent(m -> s.put("accelerator", m.id()));
        one(section, Slot.COUNT).ifPresent(m -> s.put(countField, (int) m.value()));
        one(section, Slot.PRECISION).ifPresent(m -> s.put("precision", m.id()));
        one(section, Slot.PRICING).ifPresent(m -> s.put("pricingMode", m.id()));
    }

    private void serving(ObjectNode r, Map<Slot, List<Mention>> s, boolean training) {
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
    private void horizon(ObjectNode r, List<Mention> horizons, boolean training, int servingFrom) {
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

    private void rental(ObjectNode r, Map<Slot, List<Mention>> s) {
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
