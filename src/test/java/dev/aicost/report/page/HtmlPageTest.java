package dev.aicost.report.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicost.api.Estimator;
import dev.aicost.function.ReportJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page of every bundled example: its sections, its figures equal to the JSON report's, well-formed
 * SVG with text alternatives, nothing fetched from anywhere, and a policy that allows exactly its style.
 */
class HtmlPageTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        new ReportJson().customize(JSON);
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("infra/events"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    static JsonNode report(Path example) throws IOException {
        return JSON.valueToTree(Estimator.builtIn().estimate(JSON.readTree(example.toFile())));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void thePageHasItsSectionsAndTheReportsFigures(Path example) throws IOException {
        JsonNode r = report(example);
        String page = HtmlPage.render(r);
        assertThat(page).startsWith("<!DOCTYPE html><html lang=\"en\">").endsWith("</html>");
        for (String section : List.of("headline", "warnings", "assumptions", "summary")) {
            assertThat(page).as(section).contains("<section id=\"" + section + "\"><h2>");
        }
        if (r.path("lifecycle").isObject()) {
            assertThat(page).contains("<section id=\"monthly\">").contains("<section id=\"split\">")
                    .contains("id=\"chart-monthly\"");
            // Every month of the table is the report's month, to the cent.
            List<Double> cells = dataUsd(page.substring(page.indexOf("<section id=\"monthly\">"),
                    page.indexOf("<section id=\"split\">")));
            List<Double> months = new ArrayList<>();
            for (JsonNode m : r.at("/lifecycle/months")) {
                months.add(m.get("trainingUsd").asDouble());
                months.add(m.get("inferenceUsd").asDouble());
                months.add(m.get("totalUsd").asDouble());
            }
            assertThat(cells).isEqualTo(months);
        }
        if (r.path("inference").isObject()) {
            assertThat(page).contains("<section id=\"fleet\">");
        }
        if (r.path("optimizations").isArray() && !r.path("optimizations").isEmpty()) {
            assertThat(page).contains("<section id=\"levers\">");
        }
        // The headline figures are the report's own.
        String headline = page.substring(page.indexOf("<section id=\"headline\">"), page.indexOf("</section>",
                page.indexOf("<section id=\"headline\">")));
        List<Double> expected = new ArrayList<>();
        for (String path : List.of("/training/costUsd", "/inference/monthlyCostUsd", "/inference/costPerRequestUsd",
                "/lifecycle/totalUsd", "/rental/cheapestUsd", "/hostedApi/monthlyCostUsd")) {
            if (r.at(path).isNumber()) {
                expected.add(r.at(path).asDouble());
            }
        }
        assertThat(dataUsd(headline)).isEqualTo(expected);
        assertThat(expected).isNotEmpty();
        // Every assumption and warning is on the page.
        assertThat(count(page, "<tr><th scope=\"row\">", page.indexOf("<section id=\"assumptions\">")))
                .isEqualTo(r.path("assumptions").size());
        for (JsonNode w : r.path("warnings")) {
            assertThat(page).contains(Html.text(w.asText()));
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void itsChartsAreWellFormedSvgWithTextAlternatives(Path example) throws Exception {
        String page = HtmlPage.render(report(example));
        Matcher m = Pattern.compile("<svg id=.*?</svg>", Pattern.DOTALL).matcher(page);
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        int charts = 0;
        while (m.find()) {
            String svg = m.group();
            var doc = xml.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getAttribute("role")).isEqualTo("img");
            assertThat(doc.getElementsByTagName("title").getLength()).isPositive();
            assertThat(doc.getElementsByTagName("desc").getLength()).isEqualTo(1);
            assertThat(doc.getDocumentElement().getAttribute("aria-labelledby")).contains("-title").contains("-desc");
            charts++;
        }
        if (page.contains("id=\"monthly\"")) {
            assertThat(charts).isGreaterThanOrEqualTo(2);
        }
        assertThat(count(page, "id=\"hatch\"", 0)).as("ids are unique").isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void nothingIsFetchedAndThePolicyAllowsOnlyItsStyle(Path example) throws IOException {
        String page = HtmlPage.render(report(example));
        assertThat(page.toLowerCase()).doesNotContain("<script").doesNotContain(" src=").doesNotContain("<link")
                .doesNotContain("@import").doesNotContain("url(http").doesNotContain("<iframe")
                .doesNotContainPattern("<[^>]*\\son[a-z]+=").doesNotContain("javascript:")
                .doesNotContain("style=\"");
        String style = page.substring(page.indexOf("<style>") + 7, page.indexOf("</style>"));
        assertThat(HtmlPage.CSP).startsWith("default-src 'none'; ").contains("style-src '" + HtmlPage.sha256(style) + "'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(count(page, "<style>", 0)).isEqualTo(1);
    }

    static List<Double> dataUsd(String html) {
        List<Double> out = new ArrayList<>();
        Matcher m = Pattern.compile("data-usd=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            out.add(Double.parseDouble(m.group(1)));
        }
        return out;
    }

    static int count(String s, String what, int from) {
        int n = 0;
        for (int i = s.indexOf(what, from); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
