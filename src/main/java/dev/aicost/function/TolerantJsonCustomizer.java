package dev.aicost.function;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.aicost.report.CostReport;
import dev.aicost.report.ReportWriter;
import dev.aicost.request.RequestReader;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * The function's JSON handling. Input: Funqy reads the event into a tree before our function runs
 * and answers broken JSON with a bare "Could not deserialize the provided message"; this turns a
 * parse error inside the body into a marker node that {@link RequestReader} reports as a structured
 * problem with line and column, and refuses duplicate keys. Output: the report is written by hand.
 */
@Singleton
public class TolerantJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        // A key sent twice would otherwise silently keep the last value.
        mapper.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("tolerant-json").addDeserializer(JsonNode.class, new Tolerant())
                .addSerializer(CostReport.class, new ReportSerializer()));
    }

    /** The report written by hand (ReportWriter): no first-request introspection, no reflection. */
    static final class ReportSerializer extends StdSerializer<CostReport> {
        private static final long serialVersionUID = 1L;

        ReportSerializer() {
            super(CostReport.class);
        }

        @Override
        public void serialize(CostReport value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            ReportWriter.write(value, gen);
        }
    }

    static final class Tolerant extends JsonDeserializer<JsonNode> {
        @SuppressWarnings("unchecked")
        private final JsonDeserializer<JsonNode> delegate =
                (JsonDeserializer<JsonNode>) (JsonDeserializer<?>) JsonNodeDeserializer.getDeserializer(JsonNode.class);

        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                return delegate.deserialize(p, ctxt);
            } catch (JsonProcessingException e) { // syntax errors, and limits such as nesting depth
                JsonLocation at = e.getLocation();
                ObjectNode marker = JsonNodeFactory.instance.objectNode();
                // Jackson's message may mention its (redacted) source; callers need only what and where.
                String what = e.getOriginalMessage().replaceAll("\\[Source: [^;\\]]*;\\s*", "[");
                marker.put(RequestReader.MALFORMED_JSON_MARKER, what
                        + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
                return marker;
            }
        }

        @Override
        public JsonNode getNullValue(DeserializationContext ctxt) {
            return JsonNodeFactory.instance.nullNode();
        }
    }
}
