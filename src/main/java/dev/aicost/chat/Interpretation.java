package dev.aicost.chat;

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
final class Interpretation extends Sections {
    /** @param reread reads a suggested rewrite to check that it works (null: suggest none) */
    Interpretation(Catalog catalog, MentionFinder finder, String text,
            java.util.function.Function<String, Reading> reread) {
        super(catalog, finder, text, reread);
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

    /**
     * The models, hosted APIs and providers that could answer the requests. A provider right after a
     * model ("llama 70b on groq") buys that model from it; after 'or' ("self-hosted or groq") it is an
     * option of its own.
     */
    List<Mention> modelChoices() {
        List<Mention> out = new ArrayList<>();
        Mention skipModel = null; // a model already bought through a provider named before it ("groq llama 70b")
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

    Optional<HostedApi> providerApi(String provider, String modelId) {
        return catalog.hostedApis().stream().filter(a -> a.provider().equals(provider) && a.servesModel() != null
                && (modelId == null || a.servesModel().equals(modelId))).findFirst();
    }
}
