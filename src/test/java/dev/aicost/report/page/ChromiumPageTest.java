package dev.aicost.report.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page in a real browser: headless Chromium (Debian's {@code chromium}; {@code .ci/run} installs it)
 * loads the pages of two bundled examples under the page's own Content-Security-Policy, and a probe script
 * (allowed by its hash, added to this copy only) records every policy violation and script error and the
 * size of every chart. The pages must render with none of either, and every chart must have a size.
 */
class ChromiumPageTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROBE = "var probe={violations:[],errors:[]};"
            + "document.addEventListener('securitypolicyviolation',function(e){probe.violations.push(e.violatedDirective"
            + "+' '+e.blockedURI)});window.addEventListener('error',function(e){probe.errors.push(String(e.message))});"
            + "window.addEventListener('load',function(){var charts=[];document.querySelectorAll('svg.chart').forEach("
            + "function(s){var r=s.getBoundingClientRect();var bars=0;s.querySelectorAll('rect').forEach(function(x){"
            + "var b=x.getBoundingClientRect();if(b.width>0&&b.height>0)bars++});charts.push({id:s.id,width:r.width,"
            + "height:r.height,bars:bars})});probe.charts=charts;probe.headings=document.querySelectorAll('h2').length;"
            + "var p=document.createElement('pre');p.id='probe-result';p.textContent=JSON.stringify(probe);"
            + "document.body.appendChild(p)});";

    static String chromium() {
        for (String candidate : new String[] {System.getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome"}) {
            if (candidate != null && new File(candidate).canExecute()) {
                return candidate;
            }
        }
        throw new AssertionError("No Chromium found: install Debian's chromium package (apt-get install chromium; "
                + ".ci/run does it) or set CHROMIUM to a Chrome or Chromium binary.");
    }

    /** The page of an example, with the probe allowed by its hash in a meta policy equal to the page's own. */
    static Path probed(String example) throws IOException {
        JsonNode report = HtmlPageTest.report(Path.of("infra/events/" + example + ".json"));
        String page = HtmlPage.render(report);
        String csp = HtmlPage.CSP + "; script-src '" + HtmlPage.sha256(PROBE) + "'";
        String head = "<head><meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\"><script>" + PROBE
                + "</script>";
        Path out = Path.of("target/chromium/" + example + ".html");
        Files.createDirectories(out.getParent());
        Files.writeString(out, page.replaceFirst("<head>", head));
        return out.toAbsolutePath();
    }

    static String run(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run", "--disable-extensions", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + Path.of("target/chromium/profile").toAbsolutePath()));
        cmd.addAll(args);
        Path log = Files.createTempFile("chromium", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectError(log.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        String err = Files.readString(log);
        Files.delete(log);
        assertThat(err).as("the browser's console").doesNotContain("Uncaught").doesNotContain("Refused to");
        return out;
    }

    @Test
    void twoExamplesRenderWithoutErrorsAndTheirChartsHaveASize() throws Exception {
        for (String example : List.of("startup-chatbot", "tiered-saas")) {
            Path page = probed(example);
            String dom = run(List.of("--virtual-time-budget=5000", "--window-size=1000,2000", "--dump-dom",
                    page.toUri().toString()));
            Matcher m = Pattern.compile("<pre id=\"probe-result\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
            assertThat(m.find()).as(example + ": the probe ran (the page loaded)").isTrue();
            JsonNode probe = JSON.readTree(m.group(1).replace("&quot;", "\"").replace("&amp;", "&")
                    .replace("&lt;", "<").replace("&gt;", ">"));
            assertThat(probe.get("violations")).as(example + ": policy violations").isEmpty();
            assertThat(probe.get("errors")).as(example + ": script errors").isEmpty();
            assertThat(probe.get("headings").asInt()).isGreaterThanOrEqualTo(6);
            assertThat(probe.get("charts").size()).as(example + ": charts").isGreaterThanOrEqualTo(3);
            for (JsonNode chart : probe.get("charts")) {
                assertThat(chart.get("width").asDouble()).as(chart.toString()).isGreaterThan(100);
                assertThat(chart.get("height").asDouble()).as(chart.toString()).isGreaterThan(50);
                assertThat(chart.get("bars").asInt()).as(chart.toString()).isPositive();
            }
        }
    }

    /** The screenshot in the README is a real render of a bundled example's page (docs/report-page.png). */
    @Test
    void theReadmesScreenshotIsAPng() throws IOException {
        byte[] png = Files.readAllBytes(Path.of("docs/report-page.png"));
        assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(png.length).isGreaterThan(20_000);
        assertThat(Files.readString(Path.of("README.md"))).contains("docs/report-page.png");
    }
}
