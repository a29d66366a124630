package dev.aicost.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.HostedApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The LiteLLM import on a small recorded sample of the map's format, and the imported rows in the catalog. */
class ImportHostedApisTest {

    @Test
    void chatModelsOfDirectProvidersAreImportedWithTheirTiersAndTheModelTheyServe() throws IOException {
        String psv = ImportHostedApis.psv(new ObjectMapper().readTree(Path.of("src/test/resources/litellm/sample-map.json")
                .toFile()), "a recorded sample", "2026-07-24", Set.of("openai/gpt-4o-mini"));
        // Embeddings, Bedrock (not a direct token seller), a customer's fine-tune and a hand-sourced model are left out.
        assertThat(ImportHostedApis.ids(psv)).containsExactly("anthropic-claude-sonnet-4-5",
                "deepinfra-llama-3.3-70b-instruct-turbo", "fireworks-llama-v3p1-405b-instruct-long",
                "groq-llama-3.1-8b-instant", "mistral-open-mixtral-8x7b");
        assertThat(psv).contains("| LiteLLM price map (MIT), key deepinfra/meta-llama/Llama-3.3-70B-Instruct-Turbo, a "
                + "recorded sample | 2026-07-24 | secondary")
                .contains("github.com/BerriAI/litellm, MIT licence").contains("@asOf 2026-07-24");
        assertThat(row(psv, "deepinfra-llama-3.3-70b-instruct-turbo")).containsExactly(
                "deepinfra-llama-3.3-70b-instruct-turbo", "deepinfra", "Llama-3.3-70B-Instruct-Turbo", "llama-3.3-70b",
                "0.13", "-", "-", "0.39", "-", "yes");
        // Cached input, cache write and the batch tier (half the list price), per million tokens.
        assertThat(row(psv, "anthropic-claude-sonnet-4-5")).containsExactly("anthropic-claude-sonnet-4-5", "anthropic",
                "claude-sonnet-4-5", "-", "3", "0.3", "3.75", "15", "0.5", "no");
        assertThat(row(psv, "groq-llama-3.1-8b-instant").get(3)).isEqualTo("llama-3.1-8b");
        assertThat(row(psv, "mistral-open-mixtral-8x7b").subList(3, 4)).containsExactly("mixtral-8x7b");
        // A long-context deployment priced at a thirtieth of the 405B list price is not claimed as the same offer.
        assertThat(row(psv, "fireworks-llama-v3p1-405b-instruct-long").get(3)).isEqualTo("-");
    }

    static List<String> row(String psv, String id) {
        for (String line : psv.split("\n")) {
            if (line.startsWith(id + " |")) {
                return List.of(line.split(" \\| ")).subList(0, 10);
            }
        }
        throw new AssertionError("no row " + id);
    }

    /** The committed import: over 150 models, each with its source and date, none older than the map. */
    @Test
    void theCatalogHoldsTheImportedMapBesideTheHandSourcedRows() throws IOException {
        Catalog c = Catalog.builtIn();
        List<HostedApi> imported = c.hostedApis().stream().filter(HostedApi::imported).toList();
        assertThat(imported).hasSizeGreaterThan(150);
        assertThat(imported).allSatisfy(a -> {
            assertThat(a.source().text()).startsWith("LiteLLM price map (MIT), key ");
            assertThat(a.source().date()).hasToString("2026-07-24");
        });
        assertThat(c.hostedApis().stream().filter(a -> !a.imported())).hasSizeGreaterThanOrEqualTo(15);
        assertThat(c.asOf()).hasToString("2026-11-26"); // the import's older date does not move the catalog's
        assertThat(Files.readString(Path.of("src/main/resources/catalog/hosted-apis-litellm.psv")))
                .startsWith("# Hosted model APIs imported from LiteLLM's price map");
    }
}
