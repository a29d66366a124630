package dev.aicost.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Imports LiteLLM's price map ({@code model_prices_and_context_window.json}, MIT licence, BerriAI/litellm)
 * into {@code src/main/resources/catalog/hosted-apis-litellm.psv}: the chat models of the providers that
 * sell tokens directly, with their input, cached-input, cache-write, output and batch prices, each mapped to
 * the catalog model it serves where it serves the same open weights. The hand-sourced rows of
 * {@code hosted-apis.psv} stay as they are and win where both price the same thing.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.aicost.tools.ImportHostedApis \
 *     model_prices_and_context_window.json src/main/resources/catalog/hosted-apis-litellm.psv \
 *     "RoCry/llm-api-price@8442b939a6ea (a daily mirror of BerriAI/litellm main)" 2026-07-24
 * </pre>
 */
public final class ImportHostedApis {
    /** Providers that sell tokens on their own API (LiteLLM's provider names → ours). */
    static final Map<String, String> PROVIDERS = Map.ofEntries(Map.entry("openai", "openai"),
            Map.entry("anthropic", "anthropic"), Map.entry("gemini", "google"), Map.entry("mistral", "mistral"),
            Map.entry("deepseek", "deepseek"), Map.entry("groq", "groq"), Map.entry("together_ai", "together"),
            Map.entry("deepinfra", "deepinfra"), Map.entry("fireworks_ai", "fireworks"),
            Map.entry("cerebras", "cerebras"), Map.entry("xai", "xai"));

    /** Variants that are not the base instruct weights (guard models, fine-tunes, distillations, …). */
    static final Pattern NOT_BASE = Pattern.compile("guard|nemotron|hermes|distill|cogito|dobby|code|vision|"
            + "abliterated|lora|-1b$|reflection|storm|dolphin|tulu|nous|mythomax|chronos|airoboros|"
            // A separate long-context deployment; the map prices Fireworks' 405B one at $0.10, a thirtieth of
            // the 405B list price: not claimed as the same offer.
            + "-long$");

    /** Open weights the catalog describes, recognised in a normalised model name (order matters). */
    static final List<Map.Entry<Pattern, String>> SERVES = List.of(
            Map.entry(Pattern.compile("llama-?v?3[.p-]?3-70b"), "llama-3.3-70b"),
            Map.entry(Pattern.compile("llama-?v?3[.p-]?1-405b"), "llama-3.1-405b"),
            Map.entry(Pattern.compile("llama-?v?3[.p-]?1-70b"), "llama-3.1-70b"),
            Map.entry(Pattern.compile("llama-?v?3[.p-]?1-8b|llama-3\\.1-8b-instant"), "llama-3.1-8b"),
            Map.entry(Pattern.compile("llama-?v?3[.p-]?2-3b"), "llama-3.2-3b"),
            // Llama 4: "llama-4-scout-17b-16e-instruct", "llama4-maverick-instruct-basic", the FP8 release alike.
            Map.entry(Pattern.compile("llama-?4-scout"), "llama-4-scout"),
            Map.entry(Pattern.compile("llama-?4-maverick"), "llama-4-maverick"),
            Map.entry(Pattern.compile("mixtral-8x7b"), "mixtral-8x7b"),
            Map.entry(Pattern.compile("^mistral-7b"), "mistral-7b"),
            Map.entry(Pattern.compile("qwen2[.p]?5-72b"), "qwen2.5-72b"),
            Map.entry(Pattern.compile("qwen2[.p]?5-7b"), "qwen2.5-7b"),
            Map.entry(Pattern.compile("deepseek-v3(?![.p]?[1-9])"), "deepseek-v3"));

    private ImportHostedApis() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: ImportHostedApis MAP.json OUT.psv \"SOURCE\" YYYY-MM-DD");
            System.exit(2);
        }
        JsonNode map = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        Files.writeString(Path.of(args[1]), psv(map, args[2], args[3], handWritten()));
        System.out.println("wrote " + args[1]);
    }

    /** The hand-sourced rows' provider and model, normalised: an imported row for the same thing is left out. */
    static Set<String> handWritten() throws IOException {
        Set<String> out = new java.util.HashSet<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/catalog/hosted-apis.psv"))) {
            String[] cells = line.split("\\|");
            if (cells.length > 3 && !line.startsWith("#") && !line.startsWith("id ")) {
                out.add(cells[1].trim() + "/" + normalise(cells[2].trim()));
            }
        }
        return out;
    }

    /** The rows, sorted by id, with the file's header: what it is, its licence and where it came from. */
    static String psv(JsonNode map, String source, String date, Set<String> skip) {
        Map<String, String> rows = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String provider = PROVIDERS.get(v.path("litellm_provider").asText(""));
            if (provider == null || !"chat".equals(v.path("mode").asText()) || !v.path("input_cost_per_token").isNumber()
                    || !v.path("output_cost_per_token").isNumber() || v.get("input_cost_per_token").asDouble() <= 0
                    || v.get("output_cost_per_token").asDouble() <= 0) {
                continue;
            }
            String key = e.getKey();
            if (key.startsWith("ft:")) {
                continue; // a customer's own fine-tune: nothing anyone else can buy
            }
            String name = key.substring(key.lastIndexOf('/') + 1);
            if (skip.contains(provider + "/" + normalise(name).replaceFirst("^meta-", ""))) {
                continue;
            }
            double input = perMillion(v.get("input_cost_per_token"));
            double output = perMillion(v.get("output_cost_per_token"));
            Double cached = v.path("cache_read_input_token_cost").isNumber()
                    ? perMillion(v.get("cache_read_input_token_cost")) : null;
            Double write = v.path("cache_creation_input_token_cost").isNumber()
                    ? perMillion(v.get("cache_creation_input_token_cost")) : null;
            Double batch = v.path("input_cost_per_token_batches").isNumber()
                    && v.get("input_cost_per_token_batches").asDouble() > 0
                    ? Math.min(1, round(v.get("input_cost_per_token_batches").asDouble()
                            / v.get("input_cost_per_token").asDouble())) : null;
            String serves = serves(name);
            String id = (provider + "-" + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-");
            rows.put(id, String.join(" | ", id, provider, name.replace("|", "/"), serves == null ? "-" : serves,
                    fmt(input), cached == null || cached <= 0 || cached > input ? "-" : fmt(cached),
                    write == null || write <= 0 || (cached != null && write < cached) ? "-" : fmt(write), fmt(output), batch == null ? "-" : fmt(batch),
                    openWeights(provider, name, serves) ? "yes" : "no", "LiteLLM price map (MIT), key " + key.replace("|", "/") + ", " + source,
                    date, "secondary"));
        }
        StringBuilder b = new StringBuilder();
        b.append("# Hosted model APIs imported from LiteLLM's price map (model_prices_and_context_window.json,\n")
                .append("# github.com/BerriAI/litellm, MIT licence, (c) Berri AI). Generated by\n")
                .append("# dev.aicost.tools.ImportHostedApis (docs/catalog.md): do not edit by hand; re-run it on a newer map.\n")
                .append("# Source: ").append(source).append(", ").append(date).append(".\n")
                .append("# Same columns as hosted-apis.psv (prices in USD per 1M tokens; batch: the share of the list price\n")
                .append("# the batch tier charges); servesModel where the name is the same open weights as a catalog model.\n")
                .append("# The hand-sourced rows of hosted-apis.psv win where both price the same model.\n")
                .append("@asOf ").append(date).append('\n')
                .append("id | provider | model | servesModel | input | cachedInput | cacheWrite | output | batch | ")
                .append("openWeights | source | date | status\n");
        rows.values().forEach(r -> b.append(r).append('\n'));
        return b.toString();
    }

    /** Providers that serve only open weights; Mistral's open models are named open-…; the rest are closed. */
    static boolean openWeights(String provider, String name, String serves) {
        return serves != null || Set.of("together", "deepinfra", "fireworks", "groq", "cerebras", "deepseek")
                .contains(provider) || (provider.equals("mistral") && name.startsWith("open-"));
    }

    static String serves(String name) {
        String n = normalise(name);
        if (NOT_BASE.matcher(n).find()) {
            return null;
        }
        for (Map.Entry<Pattern, String> e : SERVES) {
            if (e.getKey().matcher(n).find()) {
                return e.getValue();
            }
        }
        return null;
    }

    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
    }

    static double perMillion(JsonNode perToken) {
        return round(perToken.asDouble() * 1e6);
    }

    /** Six significant figures: 0.59 stays 0.59, not 0.5899999999999999. */
    static double round(double v) {
        return new BigDecimal(v).round(new MathContext(6)).doubleValue();
    }

    static String fmt(double v) {
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** The imported rows for a list of LiteLLM keys (tests). */
    static List<String> ids(String psv) {
        List<String> out = new ArrayList<>();
        for (String line : psv.split("\n")) {
            if (!line.startsWith("#") && !line.startsWith("@") && !line.startsWith("id ")) {
                out.add(line.split(" \\| ")[0]);
            }
        }
        return out;
    }
}
