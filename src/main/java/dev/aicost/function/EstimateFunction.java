package dev.aicost.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aicost.engine.CostEngine;
import dev.aicost.report.CostReport;
import io.quarkus.funqy.Funq;

/**
 * The Lambda function. It takes the raw JSON tree so that the engine can name every bad field
 * (Funqy's own binding hides the cause and silently drops unknown fields) and delegates.
 */
public class EstimateFunction {

    @Funq("estimate")
    public CostReport estimate(JsonNode request) {
        return CostEngine.builtIn().estimate(request);
    }
}
