package dev.aicost.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.aicost.api.Estimator;
import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.HostedApi;
import dev.aicost.request.InvalidRequestException;
import dev.aicost.request.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One contract: the published request schema and the engine accept the same requests. Requests are
 * generated from the schema itself (every property, bound, enum and branch it declares; catalog ids
 * drawn from the catalog most of the time), kept when the schema calls them valid, and given to the
 * engine: it never fails internally, its reports pass the report checks, and it refuses a schema-valid
 * request only for a reason the schema cannot express ({@link Reason}, listed in docs/request.md).
 * Mutants of those requests that the schema calls invalid must be refused by the engine too.
 *
 * Default run: {@value #DEFAULT_CASES} requests (pom.xml's contract.cases);
 * {@code ./mvnw -B -Pcontract test -Dtest=SchemaContractTest} runs 10,000.
 */
class SchemaContractTest {
    static final int DEFAULT_CASES = 400;
    static final int CASES = Integer.getInteger("contract.cases", DEFAULT_CASES);
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final Estimator ENGINE = Estimator.builtIn();

    /**
     * Why a schema-valid request may still be refused: relations between values and facts of the catalog
     * that JSON Schema cannot state. Each is matched on the problem text the engine gives.
     */
    enum Reason {
        /**
     * An id the catalog does not have, or a catalog fact about it: an offer that rents another accelerator, a
     * custom accelerator without a price, a model that is not a language model where one is needed.
     */
        CATALOG("unknown (model|accelerator|offer|region|hosted API|provider)|not in the catalog|rents \\S+, not"
                + "|no catalog offer|is not a catalog offer|no provider in the catalog lists a rental price"
                + "|has no (rental|serverless|spot|committed|on-demand)? ?offer|has no \\S+ price|custom accelerator|only (supported )?for "
                + "language models|need a language model|does not sell|is not sold"),
        /** The model (with its KV cache) does not fit the accelerators asked for. */
        DOES_NOT_FIT("do(es)? not fit|cannot hold|too large for|out of memory|exceeds .*memory"),
        /** A relation between two values: low <= high, active <= total parameters, months within the horizon. */
        VALUE_RELATION("must not be below|exceeds|is after the horizon|repeats|add up to|must be below 1"
                + "|at least one positive"),
        /** A request in words the chat reader refused (ambiguous or not understood; it says which words). */
        CHAT("^text$|^text\\.");

        final Pattern pattern;

        Reason(String regex) {
            this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        }

        static Reason of(Problem p) {
            for (Reason r : values()) {
                if (r.pattern.matcher(p.path()).find() || r.pattern.matcher(p.problem()).find()) {
                    return r;
                }
            }
            return null;
        }
    }

    final JsonNode schemaTree;
    final JsonSchema schema;
    final Map<String, List<String>> catalogIds = new LinkedHashMap<>();
    final List<String> phrases;

    SchemaContractTest() throws IOException {
        schemaTree = JSON.readTree(Path.of("infra/schema/estimate-request.schema.json").toFile());
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree);
        Catalog c = Catalog.builtIn();
        catalogIds.put("model", List.copyOf(c.modelIds()));
        catalogIds.put("accelerator", List.copyOf(c.acceleratorIds()));
        catalogIds.put("offer", List.copyOf(c.offerIds()));
        catalogIds.put("region", List.copyOf(c.energyIds()));
        catalogIds.put("hostedApi", c.hostedApis().stream().map(HostedApi::id).toList());
        phrases = Files.readAllLines(Path.of("src/test/resources/chat/phrasings.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith(" ") && l.length() < 900)
                .toList();
    }

    @Test
    void theSchemaAndTheEngineAcceptTheSameRequests() {
        Random r = new Random(20261202);
        Map<String, Integer> refusals = new TreeMap<>();
        Map<String, String> mismatches = new TreeMap<>(); // one example per kind (numbers and indices blanked)
        int valid = 0;
        int reports = 0;
        int mutants = 0;
        for (int attempt = 0; valid < CASES && attempt < CASES * 40; attempt++) {
            ObjectNode request = request(r);
            if (!schema.validate(request).isEmpty()) {
                continue;
            }
            valid++;
            try {
                JsonNode report = JSON.valueToTree(ENGINE.estimate(withoutFormat(request)));
                ReportChecks.check(report);
                reports++;
            } catch (InvalidRequestException e) {
                for (Problem p : e.problems()) {
                    Reason reason = Reason.of(p);
                    if (reason == null) {
                        mismatches.putIfAbsent(kind("schema-valid, refused for an undocumented reason: "
                                + p.path() + " " + p.problem()), request.toString());
                    } else {
                        refusals.merge(reason.name(), 1, Integer::sum);
                    }
                }
            } catch (RuntimeException | StackOverflowError | AssertionError e) {
                throw new AssertionError("INTERNAL_ERROR on a schema-valid request: " + request, e);
            }
            ObjectNode mutant = mutate(request, r);
            if (!schema.validate(mutant).isEmpty()) {
                mutants++;
                try {
                    if (mutant.has("format") && !FORMATS.contains(mutant.get("format").asText(""))) {
                        continue; // the function refuses it (EstimateFunctionTest); the engine never sees format
                    }
                    ENGINE.estimate(withoutFormat(mutant));
                    mismatches.putIfAbsent(kind("schema-invalid, accepted: " + schema.validate(mutant)),
                            mutant.toString());
                } catch (InvalidRequestException expected) {
                    // refused, as the schema says
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError("INTERNAL_ERROR on a mutant: " + mutant, e);
                }
            }
        }
        System.out.printf("schema contract: %d schema-valid requests, %d reports, refusals %s; %d schema-invalid "
                + "mutants%n", valid, reports, refusals, mutants);
        assertThat(mismatches.keySet()).as(mismatches.entrySet().stream().map(e -> e.getKey() + "\n    e.g. "
                + e.getValue().substring(0, Math.min(400, e.getValue().length()))).reduce("", (a, b) -> a + "\n" + b))
                .isEmpty();
        assertThat(valid).as("schema-valid requests generated").isEqualTo(CASES);
        assertThat(reports).as("most generated requests are answered with a report").isGreaterThan(CASES / 4);
        assertThat(mutants).isGreaterThan(CASES / 4);
    }

    static final List<String> FORMATS = List.of("json", "markdown", "slack");

    /** As the function does: the answer's format is its own concern, the rest goes to the engine. */
    static ObjectNode withoutFormat(ObjectNode request) {
        ObjectNode copy = request.deepCopy();
        copy.remove("format");
        return copy;
    }

    /** A problem with its numbers, quoted values and list indices blanked: one line per kind of mismatch. */
    static String kind(String problem) {
        return problem.replaceAll("\\[\\d+]", "[]").replaceAll("'[^']*'", "'…'")
                .replaceAll("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?", "N");
    }

    /** A request of one of the schema's three shapes, its fields generated from the schema. */
    ObjectNode request(Random r) {
        JsonNode props = schemaTree.get("properties");
        ObjectNode out = F.objectNode();
        switch (r.nextInt(8)) {
            case 0 -> {
                out.set("text", F.textNode(phrases.get(r.nextInt(phrases.size()))));
                if (r.nextBoolean()) {
                    out.set("format", value("format", props.get("format"), r, 1));
                }
            }
            case 1 -> out.set("rental", value("rental", props.get("rental"), r, 1));
            default -> {
                out.set("model", value("model", props.get("model"), r, 1));
                int sections = 1 + r.nextInt(3);
                if ((sections & 1) != 0) {
                    out.set("training", value("training", props.get("training"), r, 1));
                }
                if ((sections & 2) != 0) {
                    out.set("inference", value("inference", props.get("inference"), r, 1));
                }
                for (String top : List.of("horizonMonths", "monthlyBudgetUsd", "priceDeclinePerYear", "region",
                        "stage", "platform", "ownership", "actuals", "format")) {
                    if (r.nextInt(5) == 0) {
                        out.set(top, value(top, props.get(top), r, 1));
                    }
                }
            }
        }
        return out;
    }

    /** A value for the schema node {@code s} of a property named {@code name}. */
    JsonNode value(String name, JsonNode s, Random r, int depth) {
        if (s.has("$ref")) {
            return value(name, schemaTree.at(s.get("$ref").asText().substring(1)), r, depth);
        }
        for (String branches : List.of("oneOf", "anyOf")) {
            if (s.has(branches) && !s.has("type") && !s.has("properties")) {
                JsonNode pick = s.get(branches).get(r.nextInt(s.get(branches).size()));
                return value(name, pick, r, depth);
            }
        }
        if (s.has("const")) {
            return s.get("const");
        }
        if (s.has("enum")) {
            return s.get("enum").get(r.nextInt(s.get("enum").size()));
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "");
        return switch (type) {
            case "object" -> object(s, r, depth);
            case "array" -> {
                ArrayNode a = F.arrayNode();
                int min = s.path("minItems").asInt(0);
                int max = Math.min(s.path("maxItems").asInt(min + 4), min + 4);
                int n = min + r.nextInt(max - min + 1);
                for (int i = 0; i < n; i++) {
                    a.add(value(name, s.get("items"), r, depth + 1));
                }
                yield a;
            }
            case "boolean" -> F.booleanNode(r.nextBoolean());
            case "integer" -> F.numberNode((long) Math.floor(number(s, r, true)));
            case "number" -> F.numberNode(number(s, r, false));
            case "string" -> F.textNode(string(name, s, r));
            default -> F.textNode("?");
        };
    }

    ObjectNode object(JsonNode s, Random r, int depth) {
        ObjectNode o = F.objectNode();
        List<String> required = new ArrayList<>();
        s.path("required").forEach(n -> required.add(n.asText()));
        double optional = depth <= 1 ? 0.35 : 0.25;
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            if (required.contains(p.getKey()) || r.nextDouble() < optional) {
                o.set(p.getKey(), value(p.getKey(), p.getValue(), r, depth + 1));
            }
        }
        return o;
    }

    /** Within the bounds, log-uniform across decades, sometimes exactly on a bound. */
    static double number(JsonNode s, Random r, boolean integer) {
        double lo = s.has("minimum") ? s.get("minimum").asDouble() : s.has("exclusiveMinimum")
                ? s.get("exclusiveMinimum").asDouble() : 0;
        double hi = s.has("maximum") ? s.get("maximum").asDouble() : s.has("exclusiveMaximum")
                ? s.get("exclusiveMaximum").asDouble() : 1e6;
        boolean loOpen = !s.has("minimum") && s.has("exclusiveMinimum");
        boolean hiOpen = !s.has("maximum") && s.has("exclusiveMaximum");
        double v;
        int mode = r.nextInt(10);
        if (mode == 0 && !loOpen) {
            v = lo;
        } else if (mode == 1 && !hiOpen) {
            v = hi;
        } else if (lo > 0 && hi / lo > 100) {
            v = lo * Math.pow(hi / lo, r.nextDouble());
        } else {
            v = lo + (hi - lo) * r.nextDouble();
        }
        if (integer) {
            v = Math.max(Math.ceil(lo), Math.min(Math.floor(hi), Math.rint(v)));
        }
        return v;
    }

    String string(String name, JsonNode s, Random r) {
        List<String> ids = switch (name) {
            case "id" -> catalogIds.get(s.has("description") && s.get("description").asText().contains("accelerator")
                    ? "accelerator" : "model");
            case "accelerator" -> catalogIds.get("accelerator");
            case "offer" -> catalogIds.get("offer");
            case "region" -> catalogIds.get("region");
            case "hostedApi" -> catalogIds.get("hostedApi");
            default -> null;
        };
        if (ids != null && !ids.isEmpty() && r.nextInt(10) != 0) {
            return ids.get(r.nextInt(ids.size()));
        }
        int min = s.path("minLength").asInt(0);
        int max = Math.min(s.path("maxLength").asInt(40), 40);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789- ";
        StringBuilder b = new StringBuilder();
        int n = Math.max(min, 1 + r.nextInt(Math.max(1, max)));
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** One small change: a leaf replaced by a wrong type, null, an out-of-range number or a new field. */
    static ObjectNode mutate(ObjectNode request, Random r) {
        ObjectNode m = request.deepCopy();
        JsonNode value = switch (r.nextInt(6)) {
            case 0 -> F.nullNode();
            case 1 -> F.textNode("lots");
            case 2 -> F.numberNode(-1);
            case 3 -> F.numberNode(1e300);
            case 4 -> F.numberNode(0);
            default -> F.objectNode();
        };
        if (r.nextInt(8) == 0) {
            List<ObjectNode> objects = new ArrayList<>();
            collectObjects(m, objects);
            objects.get(r.nextInt(objects.size())).put("unexpectedField", 1);
        } else {
            FuzzTest.replaceLeaf(m, r, value);
        }
        return m;
    }

    static void collectObjects(JsonNode n, List<ObjectNode> out) {
        if (n instanceof ObjectNode o) {
            out.add(o);
        }
        n.forEach(child -> collectObjects(child, out));
    }
}
