package dev.aicost.function;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aicost.request.Limits;
import dev.aicost.request.MalformedJson;
import dev.aicost.request.RequestReader;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * How the function parses a request. Funqy reads the event into a tree before the function runs
 * and would answer broken JSON with a bare "Could not deserialize the provided message"; here the
 * parser refuses oversized or over-deep bodies as it reads them (Jackson's StreamReadConstraints,
 * with the bounds of {@link Limits}) and duplicate keys, and any parse error becomes a
 * {@link MalformedJson} value that {@link RequestReader} reports as a structured problem.
 */
@Singleton
public class RequestJson implements ObjectMapperCustomizer {

    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxDocumentLength(Limits.MAX_DOCUMENT_LENGTH)
            .maxTokenCount(Limits.MAX_JSON_TOKENS)
            .maxNestingDepth(Limits.MAX_DEPTH)
            .maxNameLength(Limits.MAX_NAME_LENGTH)
            .maxStringLength(Limits.MAX_PARSED_STRING_LENGTH)
            .build();

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(LIMITS);
        // A key sent twice would otherwise silently keep the last value.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("request-json").addDeserializer(JsonNode.class, new Tolerant()));
    }

    static final class Tolerant extends JsonDeserializer<JsonNode> {
        @SuppressWarnings("unchecked")
        private final JsonDeserializer<JsonNode> delegate =
                (JsonDeserializer<JsonNode>) (JsonDeserializer<?>) JsonNodeDeserializer.getDeserializer(JsonNode.class);

        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                return delegate.deserialize(p, ctxt);
            } catch (JsonProcessingException e) { // syntax errors, and the limits above
                JsonLocation at = e.getLocation();
                // Jackson's message may mention its (redacted) source; callers need only what and where.
                String what = e.getOriginalMessage().replaceAll("\\[Source: [^;\\]]*;\\s*", "[");
                return JsonNodeFactory.instance.pojoNode(new MalformedJson(what
                        + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")));
            }
        }

        @Override
        public JsonNode getNullValue(DeserializationContext ctxt) {
            return JsonNodeFactory.instance.nullNode();
        }
    }
}
