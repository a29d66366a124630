package dev.aicost.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.engine.CostEngine;
import dev.aicost.engine.CostEngine.Advice;
import dev.aicost.report.ComparisonOption;
import dev.aicost.report.CostReport;
import dev.aicost.report.HostedApiReport;
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

    /**
     * The report for what the message was read as; a refusal of the estimate (hardware nobody rents, a model
     * too large for the accelerator named) says what the message was read as, since it was read without doubt.
     */
    public CostReport answer(Reading reading, Advice mode) {
        try {
            return estimate(reading, mode);
        } catch (InvalidRequestException e) {
            List<String> asked = new ArrayList<>();
            for (ObjectNode option : reading.options()) {
                asked.add(Understood.asked(option, engine.catalog()));
            }
            String line = String.join(" vs ", asked);
            throw e.understoodAs(reading.notes().isEmpty() ? line : line + " (" + String.join("; ", reading.notes())
                    + ")");
        }
    }

    private CostReport estimate(Reading reading, Advice mode) {
        if (RequestReader.isRental(reading.request())) {
            ObjectNode request = reading.request();
            CostReport r = engine.rent(reader.rental(request)).withRequest(request);
            return r.withReading(Understood.rental(r.rental()), reading.ignored(), null);
        }
        List<ObjectNode> options = reading.options();
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
            if (total(reports.get(k)) < total(reports.get(cheapest))) {
                cheapest = k;
            }
        }
        List<ComparisonOption> rows = new ArrayList<>();
        for (int k = 0; k < reports.size(); k++) {
            CostReport r = reports.get(k);
            rows.add(row(reading.labels().get(k), r, options.get(k), k == cheapest));
        }
        ObjectNode best = options.get(cheapest);
        CostReport full = mode == Advice.NONE ? reports.get(cheapest)
                : engine.estimate(reader.read(best), mode).withRequest(best);
        return full.withReading(Understood.line(full, best, reading.notes()), reading.ignored(), List.copyOf(rows));
    }

    private static boolean hosted(ObjectNode request) {
        return request.path("inference").has("hostedApi");
    }

    static double total(CostReport r) {
        return r.hostedApi() != null ? r.hostedApi().totalUsd() : r.lifecycle().totalUsd();
    }

    private static ComparisonOption row(String label, CostReport r, ObjectNode request, boolean cheapest) {
        String understood = Understood.line(r, request, List.of());
        HostedApiReport h = r.hostedApi();
        if (h != null) {
            return new ComparisonOption(label, understood, request, h.monthlyCostUsd(), h.costPerRequestUsd(), null,
                    null, h.totalUsd(), h.horizonMonths(), true, cheapest);
        }
        boolean serving = r.inference() != null;
        boolean bought = request.path("inference").has("hostedApi");
        return new ComparisonOption(label, understood, request, serving ? r.inference().cost().monthlyCostUsd() : null,
                serving ? r.inference().cost().costPerRequestUsd() : null,
                serving && !bought ? r.inference().point().ttftMs() : null,
                serving && !bought ? r.inference().point().e2eMs() : null, r.lifecycle().totalUsd(),
                r.lifecycle().horizonMonths(), !serving || r.inference().point().latencyTargetMet(), cheapest);
    }
}
