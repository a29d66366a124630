package dev.aicost.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogTest {
    static final Catalog CATALOG = Catalog.builtIn();

    @ParameterizedTest
    @ValueSource(strings = {"t4", "l4", "a10g", "a100-40gb", "a100-80gb", "h100-sxm", "h100-pcie", "h800", "h200",
            "b200", "mi300x", "inferentia2", "trainium1"})
    void everyRequiredAcceleratorIsCompleteAndPositive(String id) {
        Accelerator a = CATALOG.accelerator(id).orElseThrow();
        assertThat(a.bf16PeakFlops()).isGreaterThan(1e12);
        assertThat(a.nativePeakFlops(Precision.FP32)).isPresent();
        assertThat(a.memoryGb()).isPositive();
        assertThat(a.bandwidthGBs()).isPositive();
        assertThat(a.tdpW()).isPositive();
        assertThat(a.interconnect()).isNotBlank();
        assertThat(a.interconnectGBs()).isPositive();
        assertThat(a.purchaseUsd()).isPositive();
        assertThat(a.source().text()).isNotBlank();
        assertThat(a.source().date()).isBefore(LocalDate.of(2027, 1, 1));
        assertThat(CATALOG.defaultOffer(id).acceleratorId()).isEqualTo(id);
        // Tensor rates never fall as precision narrows.
        assertThat(a.nativePeakFlops(Precision.FP8).orElse(a.bf16PeakFlops())).isGreaterThanOrEqualTo(a.bf16PeakFlops());
        assertThat(a.nativePeakFlops(Precision.INT8).orElse(a.bf16PeakFlops())).isGreaterThanOrEqualTo(a.bf16PeakFlops());
    }

    @Test
    void headlineSpecsMatchTheDatasheets() {
        Accelerator h100 = CATALOG.accelerator("h100-sxm").orElseThrow();
        assertThat(h100.bf16PeakFlops()).isEqualTo(989.5e12);
        assertThat(h100.nativePeakFlops(Precision.FP8).getAsDouble()).isEqualTo(1979e12);
        assertThat(h100.bandwidthGBs()).isEqualTo(3350);
        Accelerator a100 = CATALOG.accelerator("a100-80gb").orElseThrow();
        assertThat(a100.bf16PeakFlops()).isEqualTo(312e12);
        assertThat(a100.bandwidthGBs()).isEqualTo(2039);
        assertThat(CATALOG.accelerator("h200").orElseThrow().memoryGb()).isEqualTo(141);
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama-2-7b", "llama-2-13b", "llama-2-70b", "llama-3.1-8b", "llama-3.1-70b",
            "llama-3.1-405b", "llama-3.3-70b", "mistral-7b", "mixtral-8x7b", "deepseek-v3", "qwen2.5-72b"})
    void everyRequiredModelHasACompleteArchitecture(String id) {
        ModelSpec m = CATALOG.model(id).orElseThrow();
        assertThat(m.kind()).isEqualTo(ModelKind.LLM);
        assertThat(m.parameters()).isPositive();
        assertThat(m.activeParameters()).isPositive().isLessThanOrEqualTo(m.parameters());
        for (int v : new int[] {m.layers(), m.hiddenSize(), m.attentionHeads(), m.kvHeads(), m.headDim(),
                m.vocabSize(), m.contextLength()}) {
            assertThat(v).isPositive();
        }
        assertThat(m.kvHeads()).isLessThanOrEqualTo(m.attentionHeads());
        // The architecture accounts for the parameter count: 12·L·d² is the bulk of a dense model.
        if (!m.mixtureOfExperts()) {
            double bulk = 12.0 * m.layers() * m.hiddenSize() * (double) m.hiddenSize();
            assertThat(bulk / m.parameters()).isBetween(0.6, 1.6);
        }
    }

    @Test
    void mixtureOfExpertsModelsCarryActiveParameters() {
        assertThat(CATALOG.model("deepseek-v3").orElseThrow().activeParameters()).isEqualTo(3.7e10);
        assertThat(CATALOG.model("mixtral-8x7b").orElseThrow().mixtureOfExperts()).isTrue();
        assertThat(CATALOG.model("llama-3.1-70b").orElseThrow().mixtureOfExperts()).isFalse();
    }

    @Test
    void spotIsCheapestAndCommitmentsSitBetweenSpotAndOnDemand() {
        for (Offer o : CATALOG.offers()) {
            double onDemand = o.price(PricingMode.ON_DEMAND).getAsDouble();
            double floor = o.price(PricingMode.SPOT).orElse(0);
            o.price(PricingMode.SPOT).ifPresent(s -> assertThat(s).as(o.id()).isLessThan(onDemand));
            for (PricingMode m : List.of(PricingMode.COMMIT_1Y, PricingMode.COMMIT_3Y)) {
                o.price(m).ifPresent(p -> assertThat(p).as(o.id() + " " + m).isLessThan(onDemand)
                        .isGreaterThanOrEqualTo(floor));
            }
            if (o.price(PricingMode.COMMIT_1Y).isPresent() && o.price(PricingMode.COMMIT_3Y).isPresent()) {
                assertThat(o.price(PricingMode.COMMIT_3Y).getAsDouble()).as(o.id())
                        .isLessThanOrEqualTo(o.price(PricingMode.COMMIT_1Y).getAsDouble());
            }
            assertThat(o.source().text()).isNotBlank();
        }
    }

    @Test
    void offersCoverAwsAHyperscalerAndAGpuCloud() {
        Set<String> providers = CATALOG.offers().stream().map(Offer::provider).collect(Collectors.toSet());
        assertThat(providers).contains("aws", "gcp", "azure", "lambda", "coreweave");
        assertThat(CATALOG.offers().stream().filter(o -> o.price(PricingMode.SPOT).isPresent())).isNotEmpty();
    }

    @Test
    void hostedApisCoverClosedAndOpenWeightProviders() {
        Set<String> providers = CATALOG.hostedApis().stream().map(HostedApi::provider).collect(Collectors.toSet());
        assertThat(providers).contains("openai", "anthropic", "google", "deepseek", "together");
        assertThat(CATALOG.hostedApis()).anyMatch(HostedApi::openWeights);
        for (HostedApi api : CATALOG.hostedApis()) {
            assertThat(api.cachedInputPerMillionUsd()).isLessThanOrEqualTo(api.inputPerMillionUsd());
            assertThat(api.outputPerMillionUsd()).isPositive();
        }
        HostedApi ds = CATALOG.hostedApis().stream().filter(a -> a.id().equals("deepseek-chat")).findFirst().orElseThrow();
        assertThat(ds.inputPerMillionUsd()).isEqualTo(0.28); // since 2025-09-29
        assertThat(ds.outputPerMillionUsd()).isEqualTo(0.42);
        assertThat(ds.servesModel()).isEqualTo("deepseek-v3");
        assertThat(CATALOG.hostedApis()).filteredOn(a -> "llama-3.3-70b".equals(a.servesModel())).hasSizeGreaterThan(1);
        assertThat(CATALOG.hostedApis()).allSatisfy(a -> assertThat(a.cacheWritePerMillionUsd())
                .isGreaterThanOrEqualTo(a.cachedInputPerMillionUsd()));
    }

    @Test
    void energyProfilesHaveADefault() {
        assertThat(CATALOG.defaultEnergy().pue()).isBetween(1.0, 2.0);
        assertThat(CATALOG.energy("france").orElseThrow().carbonKgPerKwh())
                .isLessThan(CATALOG.energy("india").orElseThrow().carbonKgPerKwh());
    }

    @Test
    void catalogIsDated() {
        assertThat(CATALOG.asOf()).isAfter(LocalDate.of(2025, 1, 1));
    }

    // --- A broken data file fails loudly, naming the file, line and column.

    static DataTable table(String text) {
        return DataTable.read("test.psv", new StringReader(text));
    }

    static final String HEADER = "@asOf 2026-01-01\nid | pue | carbonKgPerKwh | electricityUsdPerKwh | name | source | date | status\n";

    @Test
    void aNonNumericCellIsRejectedWithItsLineAndColumn() {
        assertThatThrownBy(() -> table(HEADER + "x | abc | 0.1 | 0.1 | X | src | 2024-01-01 | secondary\n").rows()
                .get(0).positive("pue")).isInstanceOf(CatalogException.class).hasMessage("test.psv:3: pue: 'abc' is not a number");
    }

    @Test
    void aWrongCellCountIsRejected() {
        assertThatThrownBy(() -> table(HEADER + "x | 1.1 | 0.1\n")).isInstanceOf(CatalogException.class)
                .hasMessageContaining("test.psv:3").hasMessageContaining("expected 8 cells, found 3");
    }

    @Test
    void aMissingDateOrBadStatusIsRejected() {
        assertThatThrownBy(() -> table(HEADER + "x | 1.1 | 0.1 | 0.1 | X | src | 2024-13-01 | secondary\n").rows()
                .get(0).source()).hasMessageContaining("date: '2024-13-01' is not a date");
        assertThatThrownBy(() -> table(HEADER + "x | 1.1 | 0.1 | 0.1 | X | src | 2024-01-01 | rumour\n").rows()
                .get(0).source()).hasMessageContaining("status");
        assertThatThrownBy(() -> table("id | a\nx | 1\n")).hasMessageContaining("missing '@asOf'");
    }

    @Test
    void duplicateIdsAndNegativeFiguresAreRejected() throws IOException {
        String acc = read("/catalog/accelerators.psv");
        String dup = acc + acc.lines().filter(l -> l.startsWith("t4 ")).findFirst().orElseThrow() + "\n";
        assertThatThrownBy(() -> load(dup, read("/catalog/offers.psv"))).hasMessageContaining("duplicate id 't4'");
        String negative = acc.replaceFirst("\\| 320 ", "| -320 ");
        assertThatThrownBy(() -> load(negative, read("/catalog/offers.psv"))).hasMessageContaining("must be positive");
        String spotAbove = read("/catalog/offers.psv").replace("| 0.526 | 0.18 ", "| 0.526 | 0.60 ");
        assertThatThrownBy(() -> load(acc, spotAbove)).hasMessageContaining("above");
        String twoDefaults = read("/catalog/offers.psv").replace("| a10g | aws | g5.xlarge | 1 | us-east-1 | 1.006 | 0.35 | 0.63 | 0.40 | yes", "| a10g | aws | g5.xlarge | 1 | us-east-1 | 1.006 | 0.35 | 0.63 | 0.40 | no");
        assertThatThrownBy(() -> load(acc, twoDefaults)).hasMessageContaining("exactly one default offer");
    }

    private static Catalog load(String accelerators, String offers) throws IOException {
        return Catalog.load(table("accelerators.psv", accelerators), table("offers.psv", offers),
                DataTable.resource("/catalog/hosted-apis.psv"), DataTable.resource("/catalog/models.psv"),
                DataTable.resource("/catalog/energy.psv"), DataTable.resource("/catalog/model-error.psv"),
                DataTable.resource("/catalog/serverless.psv"));
    }

    private static DataTable table(String name, String text) {
        return DataTable.read(name, new StringReader(text));
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = CatalogTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    // --- Native readiness: every data file the engine reads is bundled into the native image.

    @Test
    void everyCatalogResourceIsInTheNativeImageIncludes() throws IOException {
        Properties props = new Properties();
        try (InputStream in = CatalogTest.class.getResourceAsStream("/application.properties")) {
            props.load(in);
        }
        String includes = props.getProperty("quarkus.native.resources.includes");
        assertThat(includes).isNotBlank();
        List<String> globs = List.of(includes.split(","));
        for (String resource : Catalog.RESOURCES) {
            String path = resource.substring(1);
            assertThat(globs).as(path).anyMatch(g -> java.nio.file.FileSystems.getDefault()
                    .getPathMatcher("glob:" + g.strip()).matches(java.nio.file.Path.of(path)));
        }
        assertThat(props.getProperty("quarkus.native.additional-build-args"))
                .contains("--initialize-at-build-time=dev.aicost.catalog.Catalog$BuiltIn");
    }
}
