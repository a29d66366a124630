package dev.aicost.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aicost.engine.CostEngine;
import dev.aicost.report.CostReport;
import dev.aicost.request.InvalidRequestException;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The Lambda function. It takes the raw JSON tree so that the engine can name every bad field
 * (Funqy's own binding hides the cause and silently drops unknown fields) and delegates.
 * An invalid request is the caller's error and is answered, not logged; anything else is a bug:
 * logged here with its stack trace (never the request body) and answered without internals.
 */
public class EstimateFunction {
    private static final Logger LOG = Logger.getLogger(EstimateFunction.class);

    @Inject
    CostEngine engine;

    @Funq("estimate")
    public CostReport estimate(JsonNode request) {
        try {
            return engine.estimate(request);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("estimate failed (request body not logged)", e);
            throw new InternalFailure();
        }
    }
}
