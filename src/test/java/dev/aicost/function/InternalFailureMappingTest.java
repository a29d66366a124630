package dev.aicost.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aicost.api.Estimator;
import dev.aicost.catalog.Catalog;
import dev.aicost.report.CostReport;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A genuine internal failure (the engine throws) through the API's mappings and the function on the mock
 * event server: a function error (so the error alarm and the canary see it), answered 500 with a fixed body
 * and the request id, nothing of the exception or the request in it.
 */
@QuarkusTest
@TestProfile(InternalFailureMappingTest.BrokenEngine.class)
class InternalFailureMappingTest {
    static final String SECRET = "SECRET-IN-THE-EXCEPTION";

    /** The profile: the function's engine replaced by one that fails on every request. */
    public static class BrokenEngine implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(Producer.class);
        }
    }

    @Alternative
    @Singleton
    public static class Producer {
        @Produces
        @Singleton
        Estimator broken() {
            return new Estimator(Catalog.builtIn()) {
                @Override
                public CostReport estimate(JsonNode request) {
                    throw new IllegalStateException(SECRET + " " + request);
                }
            };
        }
    }

    @Test
    void anInternalFailureIsAFunctionErrorAnswered500WithoutInternals() throws IOException {
        String body = Files.readString(Path.of("infra/events/startup-chatbot.json"));
        Map.Entry<Integer, String> r = ApiGatewayMappingTest.callThroughApi(body);
        assertThat(ApiGatewayMappingTest.lastFunctionStatus).as("a function error").isNotEqualTo(200);
        assertThat(r.getKey()).isEqualTo(500);
        JsonNode answer = ApiGatewayMappingTest.JSON.readTree(r.getValue());
        assertThat(answer.get("error").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(answer.get("requestId").asText()).isEqualTo("test-request-id");
        assertThat(r.getValue()).doesNotContain(SECRET).doesNotContain("IllegalState").doesNotContain("llama");
    }

    @Test
    void aCallersMistakeIsStillAnAnswerWhenTheEngineIsBroken() throws IOException {
        // The format is checked before the engine runs: a 400, and no function error.
        Map.Entry<Integer, String> r = ApiGatewayMappingTest.callThroughApi("{\"text\":\"x\",\"format\":\"pdf\"}");
        assertThat(r.getKey()).isEqualTo(400);
        assertThat(ApiGatewayMappingTest.lastFunctionStatus).isEqualTo(200);
    }
}
