package dev.aicost.function;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.aicost.api.Estimator;
import dev.aicost.engine.CostEngine;
import dev.aicost.reliability.Generated;
import dev.aicost.report.CostReport;
import dev.aicost.request.Bound;
import dev.aicost.request.InvalidRequestException;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * The committed JSON Schemas (infra/schema) are true: every request the tests use validates, the
 * bad-input classes a schema can express are rejected by it as by the function, every report
 * validates, the report schema is generated from the report records, and API Gateway's model and
 * the agent tool are derived from the request schema.
 */
class SchemaTest {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final Path REQUEST = Path.of("infra/schema/estimate-request.schema.json");
    static final Path REPORT = Path.of("infra/schema/cost-report.schema.json");
    static final JsonSchemaFactory V2020 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    static final Estimator ENGINE = Estimator.builtIn();

    static JsonNode read(Path p) throws IOException {
        return JSON.readTree(p.toFile());
    }

    static JsonSchema requestSchema() throws IOException {
        return V2020.getSchema(read(REQUEST));
    }

    static List<JsonNode> corpus() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("infra/events"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(read(p));
            }
        }
        for (long seed = 0; seed < 60; seed++) {
            out.add(Generated.training(seed));
            out.add(Generated.inference(seed));
            out.add(Generated.both(seed));
            out.add(Generated.uncertain(seed));
        }
        return out;
    }

    @Test
    void everyRequestTheTestsUseValidates() throws IOException {
        JsonSchema schema = requestSchema();
        int checked = 0;
        for (JsonNode request : corpus()) {
            try {
                ENGINE.estimate(request, CostEngine.Advice.NONE);
            } catch (InvalidRequestException e) {
                continue; // a generated request the engine refuses for a reason beyond the schema (e.g. memory)
            }
            Set<ValidationMessage> errors = schema.validate(request);
            assertThat(errors).as(request.toString()).isEmpty();
            checked++;
        }
        assertThat(checked).isGreaterThan(150);
    }

    @Test
    void badInputThatIsASchemaMatterIsRejectedByTheSchemaAndByTheFunction() throws IOException {
        JsonSchema schema = requestSchema();
        String base = "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':50000}";
        for (String bad : new String[] {
                base + ",'colour':'red'}", // unknown top-level field
                "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':50000,'gpus':8}}", // unknown field
                "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':'lots'}}", // wrong type
                "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':-5}}", // out of range
                "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':5,'precision':'fp7'}}", // enum
                "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':5,'cacheHitRate':1}}", // exclusive max
                "{'model':{'id':'llama-3.1-8b'},'training':{'tokens':1e12,'kind':'distill'}}", // enum
                "{'model':{'id':'llama-3.1-8b'}}", // neither training nor inference
                "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':{'low':5}}}", // a range without high
                "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':{'low':5,'high':9,'p50':7}}}", // unknown
                "{'training':{'tokens':1e12}}", // no model
                "{'text':'llama-3.1-8b 50k requests/day','model':{'id':'llama-3.1-8b'}}", // text with sections
                base + ",'format':'pdf'}", // format enum
                "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':5,'hourlyShape':[1,2,3]}}"}) {
            JsonNode request = JSON.readTree(bad.replace('\'', '"'));
            assertThat(schema.validate(request)).as("schema: " + bad).isNotEmpty();
            ObjectNode withoutFormat = ((ObjectNode) request).deepCopy();
            boolean badFormat = withoutFormat.has("format");
            if (badFormat) {
                assertThat(EstimateFunction.FORMATS).doesNotContain(withoutFormat.get("format").asText());
                continue; // the function's own format check is tested in EstimateFunctionTest
            }
            try {
                ENGINE.estimate(request);
                throw new AssertionError("the function accepted " + bad);
            } catch (InvalidRequestException expected) {
                assertThat(expected.problems()).isNotEmpty();
            }
        }
    }

    @Test
    void everyBoundOfTheReaderIsInTheSchemaWithTheSameLimits() throws IOException {
        JsonNode schema = read(REQUEST);
        for (Bound b : Bound.values()) {
            List<JsonNode> found = schema.findValues(b.field().replaceAll("\\[.*", ""));
            if (b == Bound.PEAK_TFLOPS) {
                found = List.of(schema.at("/$defs/acceleratorSpecs/properties/peakTflops/properties/bf16"));
            } else if (b == Bound.HOURLY_SHAPE) {
                found = List.of(schema.at("/properties/inference/properties/hourlyShape/items"));
            }
            assertThat(found).as(b.name()).isNotEmpty();
            List<JsonNode> candidates = new java.util.ArrayList<>();
            for (JsonNode f : found) { // a field that may also be a {low, high} range lists the number among anyOf
                candidates.add(f);
                f.path("anyOf").forEach(candidates::add);
            }
            boolean matched = false;
            for (JsonNode f : candidates) {
                JsonNode min = f.has("exclusiveMinimum") ? f.get("exclusiveMinimum") : f.get("minimum");
                JsonNode max = f.has("exclusiveMaximum") ? f.get("exclusiveMaximum") : f.get("maximum");
                if (min != null && max != null && min.asDouble() == b.min() && max.asDouble() == b.max()
                        && f.get("type").asText().equals(b.whole() ? "integer" : "number")) {
                    matched = true;
                }
            }
            assertThat(matched).as(b.name() + " " + b.min() + ".." + b.max() + " in " + found).isTrue();
        }
    }

    // --- The report schema.

    /** A JSON Schema for a report record, from its components as Jackson writes them (unwrapped groups inlined). */
    static ObjectNode schemaOf(Class<?> type, ObjectNode defs) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("type", "object");
        s.put("additionalProperties", false);
        ObjectNode props = s.putObject("properties");
        ArrayNode required = s.putArray("required");
        addComponents(type, props, required, defs);
        return s;
    }

    private static void addComponents(Class<?> type, ObjectNode props, ArrayNode required, ObjectNode defs) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getAccessor().isAnnotationPresent(JsonUnwrapped.class) || c.isAnnotationPresent(JsonUnwrapped.class)
                    || field(type, c.getName()).isAnnotationPresent(JsonUnwrapped.class)) {
                addComponents(c.getType(), props, required, defs);
                continue;
            }
            props.set(c.getName(), schemaOfType(c.getGenericType(), defs));
            required.add(c.getName());
        }
    }

    private static java.lang.reflect.Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode schemaOfType(Type t, ObjectNode defs) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        if (t == double.class) {
            return s.put("type", "number");
        }
        if (t == int.class || t == long.class) {
            return s.put("type", "integer");
        }
        if (t == boolean.class) {
            return s.put("type", "boolean");
        }
        if (t == String.class) {
            s.putArray("type").add("string").add("null");
            return s;
        }
        if (t == Double.class) {
            s.putArray("type").add("number").add("null");
            return s;
        }
        if (t == Integer.class) {
            s.putArray("type").add("integer").add("null");
            return s;
        }
        if (t == JsonNode.class) {
            s.putArray("type").add("object").add("null");
            return s;
        }
        if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
            s.putArray("type").add("array").add("null");
            s.set("items", schemaOfType(p.getActualTypeArguments()[0], defs));
            return s;
        }
        Class<?> c = (Class<?>) t;
        if (c.isRecord()) {
            String name = c.getSimpleName();
            if (!defs.has(name)) {
                defs.putObject(name); // placeholder against recursion
                defs.set(name, schemaOf(c, defs));
            }
            s.putArray("anyOf").add(JsonNodeFactory.instance.objectNode().put("$ref", "#/$defs/" + name))
                    .add(JsonNodeFactory.instance.objectNode().put("type", "null"));
            return s;
        }
        throw new IllegalStateException("no schema for " + t);
    }

    static ObjectNode reportSchema() {
        ObjectNode defs = JsonNodeFactory.instance.objectNode();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://github.com/ai-cost-engine/schema/cost-report.schema.json");
        root.put("title", "CostReport");
        root.put("description", "What the estimate function answers (format json). Generated from the report "
                + "records by SchemaTest; every JSON path is a public contract: extended, never renamed or removed.");
        ObjectNode body = schemaOf(CostReport.class, defs);
        body.fields().forEachRemaining(e -> root.set(e.getKey(), e.getValue()));
        root.set("$defs", defs);
        return root;
    }

    @Test
    void theReportSchemaIsGeneratedFromTheReportRecords() throws IOException {
        String expected = JSON.writeValueAsString(reportSchema()) + "\n";
        if (Boolean.getBoolean("schema.update")) {
            Files.writeString(REPORT, expected);
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/cost-report.schema.json"), expected);
        assertThat(Files.readString(REPORT)).as("infra/schema/cost-report.schema.json (expected in target/; "
                + "regenerate with -Dschema.update=true)").isEqualTo(expected);
    }

    @Test
    void everyReportTheTestsProduceValidates() throws IOException {
        JsonSchema schema = V2020.getSchema(read(REPORT));
        ObjectMapper writer = new ObjectMapper();
        int checked = 0;
        for (JsonNode request : corpus()) {
            CostReport r;
            try {
                r = ENGINE.estimate(request);
            } catch (InvalidRequestException e) {
                continue;
            }
            java.io.StringWriter out = new java.io.StringWriter();
            try (com.fasterxml.jackson.core.JsonGenerator g = writer.getFactory().createGenerator(out)) {
                dev.aicost.report.ReportWriter.write(r, g); // what the function sends
            }
            JsonNode report = writer.readTree(out.toString());
            assertThat(schema.validate(report)).as(request.toString()).isEmpty();
            checked++;
        }
        assertThat(checked).isGreaterThan(150);
    }

    // --- What is derived from the request schema.

    /**
     * API Gateway validates with a draft-04 subset: the request schema's top level (its fields and their
     * types, no unknown field), leaving the detail to the function, which names every problem.
     */
    static ObjectNode apiGatewayModel(JsonNode requestSchema) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("type", "object");
        m.put("additionalProperties", false);
        ObjectNode props = m.putObject("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = requestSchema.get("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            ObjectNode q = props.putObject(e.getKey());
            if (p.has("$ref") || p.path("type").asText().equals("object")) {
                q.put("type", "object");
            } else if (p.has("enum")) {
                q.set("enum", p.get("enum"));
            } else {
                q.set("type", p.get("type"));
            }
        }
        return m;
    }

    @Test
    void apiGatewaysModelIsTheRequestSchemasTopLevelInDraft04() throws IOException {
        JsonNode template = TemplateTest.load(Path.of("infra/template.yaml"));
        JsonNode body = template.at("/Resources/EstimateApi/Properties/DefinitionBody");
        assertThat(body.at("/definitions/EstimateRequest")).isEqualTo(apiGatewayModel(read(REQUEST)));
        JsonNode post = body.at("/paths/~1estimate/post");
        assertThat(post.get("x-amazon-apigateway-request-validator").asText()).isEqualTo("body");
        assertThat(body.at("/x-amazon-apigateway-request-validators/body/validateRequestBody").asBoolean()).isTrue();
        assertThat(post.at("/parameters/0/schema/$ref").asText()).isEqualTo("#/definitions/EstimateRequest");
        // It accepts every valid request and refuses an unknown top-level field, as draft-04.
        JsonSchema model = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(
                body.at("/definitions/EstimateRequest"));
        for (JsonNode request : corpus()) {
            assertThat(model.validate(request)).as(request.toString()).isEmpty();
        }
        assertThat(model.validate(JSON.readTree("{\"colour\":\"red\"}"))).isNotEmpty();
    }

    @Test
    void theAgentToolTakesTheRequestSchema() throws IOException {
        JsonNode tool = read(Path.of("infra/tools/estimate.tool.json"));
        assertThat(tool.get("name").asText()).isEqualTo("estimate");
        assertThat(tool.get("description").asText()).contains("cost").hasSizeGreaterThan(100);
        ObjectNode expected = (ObjectNode) read(REQUEST).deepCopy();
        expected.remove("$schema");
        expected.remove("$id");
        assertThat(tool.get("input_schema")).isEqualTo(expected);
    }
}
