package dev.aicost.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.engine.CostEngine;
import dev.aicost.engine.CostEngine.Advice;
import dev.aicost.report.ComparisonOption;
import dev.aicost.report.CostReport;
import dev.aicost.request.InvalidRequestException;
import dev.aicost.request.RequestReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The report for what a chat message was read as: one engine run, or for "A vs B" one per option, the
 * cheapest option's full report carrying every option's headline figures in {@code comparison}.
 */
public final class ChatAnswer {
    private final CostEngine engine;
    private final RequestReader reader;

    public ChatAnswer(CostEngine engine, RequestReader reader) {
        this.engine = engine;
        this.reader = reader;
    }

    public CostReport answer(Reading reading, Advice mode) {
        if (RequestReader.isRental(reading.request())) {
            ObjectNode request = reading.request();
            CostReport r = engine.rent(reader.rental(request)).withRequest(request);
            return r.withReading(Understood.rental(r.rental()), reading.ignored(), null);
        }
        List<ObjectNode> options = runnable(reading);
        if (!reading.comparison()) {
            ObjectNode request = options.get(0);
            CostReport r = engine.estimate(reader.read(request), mode).withRequest(request);
            return r.withReading(Understood.line(r, request, reading.notes()), reading.ignored(), null);
        }
        List<CostReport> reports = new ArrayList<>();
        for (ObjectNode option : options) {
            reports.add(engine.estimate(reader.read(option), Advice.NONE).withRequest(option));
        }
        int cheapest = 0;
        for (int k = 1; k < reports.size(); k++) {
            if (reports.get(k).lifecycle().totalUsd() < reports.get(cheapest).lifecycle().totalUsd()) {
                cheapest = k;
            }
        }
        List<ComparisonOption> rows = new ArrayList<>();
        for (int k = 0; k < reports.size(); k++) {
            CostReport r = reports.get(k);
            boolean serving = r.inference() != null;
            rows.add(new ComparisonOption(reading.labels().get(k), Understood.line(r, options.get(k), List.of()),
                    options.get(k), serving ? r.inference().cost().monthlyCostUsd() : null,
                    serving ? r.inference().cost().costPerRequestUsd() : null,
                    serving && !hosted(options.get(k)) ? r.inference().point().ttftMs() : null,
                    serving && !hosted(options.get(k)) ? r.inference().point().e2eMs() : null,
                    r.lifecycle().totalUsd(), r.lifecycle().horizonMonths(),
                    !serving || r.inference().point().latencyTargetMet(), k == cheapest));
        }
        ObjectNode best = options.get(cheapest);
        CostReport full = mode == Advice.NONE ? reports.get(cheapest)
                : engine.estimate(reader.read(best), mode).withRequest(best);
        return full.withReading(Understood.line(full, best, reading.notes()), reading.ignored(), List.copyOf(rows));
    }

    private static boolean hosted(ObjectNode request) {
        return request.path("inference").has("hostedApi");
    }

    /**
     * The options as the engine can run them. A closed model bought from an API (GPT-4o mini, Claude…)
     * has no architecture in the catalog: next to a self-hosted model it is priced on the same requests
     * and token counts (the engine needs a model for them; the API's list prices make the bill). Alone,
     * it is refused for now, with a comparison that works.
     */
    private static List<ObjectNode> runnable(Reading reading) {
        ObjectNode model = null;
        for (ObjectNode o : reading.options()) {
            if (o.has("model") && model == null) {
                model = (ObjectNode) o.get("model");
            }
        }
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode o : reading.options()) {
            if (o.has("model")) {
                out.add(o);
                continue;
            }
            String api = o.path("inference").path("hostedApi").asText();
            if (model == null) {
                throw InvalidRequestException.of("text", "'" + api + "' sells a closed model the catalog has no "
                        + "architecture for: it is priced next to a self-hosted model, not alone yet",
                        "try: `llama-3.1-8b vs " + api + "` with the same traffic");
            }
            ObjectNode copy = o.deepCopy();
            copy.set("model", model.deepCopy());
            out.add(copy);
        }
        return out;
    }
}
