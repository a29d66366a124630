package dev.aicost.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.catalog.Catalog;
import dev.aicost.chat.ChatAnswer;
import dev.aicost.chat.Reading;
import dev.aicost.chat.TextRequest;
import dev.aicost.engine.CostEngine.Advice;
import dev.aicost.engine.CostEngine;
import dev.aicost.report.CostReport;
import dev.aicost.request.InvalidRequestException;
import dev.aicost.request.RequestReader;

/**
 * A request as callers send it (a JSON request, or {@code {"text": "..."}} in words) estimated by the
 * engine: read and validated once (throwing {@code InvalidRequestException} with every problem), then
 * handed to the engine as a typed request. Immutable and thread-safe.
 * Not final only so that a test can stand a failing engine in for it (InternalFailureMappingTest).
 */
public class Estimator {
    private final CostEngine engine;
    private final RequestReader reader;
    private final TextRequest text;
    private final ChatAnswer chat;

    public Estimator(Catalog catalog) {
        this(new CostEngine(catalog));
    }

    public Estimator(CostEngine engine) {
        this.engine = engine;
        Catalog catalog = engine.catalog();
        this.reader = new RequestReader(catalog);
        this.text = new TextRequest(catalog);
        this.chat = new ChatAnswer(engine, reader);
    }

    /** The estimator over the bundled catalog, built once (the function injects its own instance). */
    public static Estimator builtIn() {
        return Holder.ESTIMATOR;
    }

    private static final class Holder {
        static final Estimator ESTIMATOR = new Estimator(Catalog.builtIn());
    }

    public CostEngine engine() {
        return engine;
    }

    public Catalog catalog() {
        return engine.catalog();
    }

    /** The full report, with the levers priced by re-running the engine on changed copies of the request. */
    public CostReport estimate(JsonNode request) {
        return estimate(request, Advice.FULL);
    }

    public CostReport estimate(JsonNode request, Advice mode) {
        if (request != null && request.isObject() && request.has("text")) {
            Reading reading = text.understand(request);
            if (!reading.understood()) {
                throw new InvalidRequestException(reading.problems());
            }
            return chat.answer(reading, mode);
        }
        if (RequestReader.isRental(request)) {
            return engine.rent(reader.rental(request));
        }
        return engine.estimate(reader.read(request), mode);
    }

    /** A plain-text request ({@code {"text": "..."}}) as the structured request it means. */
    public Reading understand(JsonNode request) {
        return text.understand(request);
    }
}
