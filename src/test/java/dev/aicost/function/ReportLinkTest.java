package dev.aicost.function;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Report links: what opens, what is refused, and how long the longest bundled example's link is. */
class ReportLinkTest {
    static final String KEY = "key-one";
    static final long NOW = 1_800_000_000L;
    static final String REQUEST = "{\"model\":{\"id\":\"llama-3.1-8b\"},\"inference\":{\"requestsPerDay\":50000}}";

    static Map<String, String> params(String query) {
        Map<String, String> p = new HashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            p.put(kv[0], kv[1]);
        }
        return p;
    }

    static ReportLink.Opened open(Map<String, String> p, String key, long now) {
        return ReportLink.open(p.get("q"), p.get("exp"), p.get("sig"), key, now);
    }

    @Test
    void aValidLinkOpensTheRequestItCarries() {
        Map<String, String> p = params(ReportLink.query(REQUEST, KEY, NOW, 3600));
        ReportLink.Opened o = open(p, KEY, NOW + 3599);
        assertThat(o.refusal()).isNull();
        assertThat(o.requestJson()).isEqualTo(REQUEST);
        assertThat(p.get("exp")).isEqualTo(Long.toString(NOW + 3600));
        assertThat(p.get("q") + p.get("sig")).matches("[A-Za-z0-9_-]+"); // URL-safe, nothing to escape
    }

    @Test
    void anExpiredLinkIsRefused() {
        Map<String, String> p = params(ReportLink.query(REQUEST, KEY, NOW, 3600));
        assertThat(open(p, KEY, NOW + 3601).refusal()).isEqualTo(ReportLink.Refusal.EXPIRED);
        // A later expiry written into the link breaks its signature.
        p.put("exp", Long.toString(NOW + 999_999));
        assertThat(open(p, KEY, NOW + 3601).refusal()).isEqualTo(ReportLink.Refusal.BAD_SIGNATURE);
    }

    @Test
    void anAlteredRequestIsRefused() {
        Map<String, String> p = params(ReportLink.query(REQUEST, KEY, NOW, 3600));
        String other = params(ReportLink.query(REQUEST.replace("50000", "90000"), KEY, NOW, 3600)).get("q");
        p.put("q", other);
        assertThat(open(p, KEY, NOW).refusal()).isEqualTo(ReportLink.Refusal.BAD_SIGNATURE);
    }

    @Test
    void anAlteredSignatureIsRefused() {
        Map<String, String> p = params(ReportLink.query(REQUEST, KEY, NOW, 3600));
        String sig = p.get("sig");
        p.put("sig", (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1));
        assertThat(open(p, KEY, NOW).refusal()).isEqualTo(ReportLink.Refusal.BAD_SIGNATURE);
        p.put("sig", sig.substring(1));
        assertThat(open(p, KEY, NOW).refusal()).isEqualTo(ReportLink.Refusal.BAD_SIGNATURE);
    }

    @Test
    void aLinkSignedWithAnotherKeyIsRefused() {
        Map<String, String> p = params(ReportLink.query(REQUEST, "key-two", NOW, 3600));
        assertThat(open(p, KEY, NOW).refusal()).isEqualTo(ReportLink.Refusal.BAD_SIGNATURE);
        assertThat(open(p, null, NOW).refusal()).isEqualTo(ReportLink.Refusal.MISSING); // no key configured
    }

    @Test
    void missingOrMalformedParametersAreRefused() {
        Map<String, String> p = params(ReportLink.query(REQUEST, KEY, NOW, 3600));
        for (String name : List.of("q", "exp", "sig")) {
            Map<String, String> without = new HashMap<>(p);
            without.remove(name);
            assertThat(open(without, KEY, NOW).refusal()).as(name).isEqualTo(ReportLink.Refusal.MISSING);
            Map<String, String> empty = new HashMap<>(p);
            empty.put(name, "");
            assertThat(open(empty, KEY, NOW).refusal()).as(name).isEqualTo(ReportLink.Refusal.MISSING);
        }
        Map<String, String> odd = new HashMap<>(p);
        odd.put("exp", "1e9");
        assertThat(open(odd, KEY, NOW).refusal()).isEqualTo(ReportLink.Refusal.MALFORMED);
        odd = new HashMap<>(p);
        odd.put("q", p.get("q") + "\"'\\");
        assertThat(open(odd, KEY, NOW).refusal()).isEqualTo(ReportLink.Refusal.MALFORMED);
    }

    @Test
    void aSignedRequestThatInflatesPastTheLimitIsRefused() {
        String huge = "{\"text\":\"" + "a".repeat(ReportLink.MAX_REQUEST_BYTES) + "\"}";
        Map<String, String> p = params(ReportLink.query(huge, KEY, NOW, 3600));
        assertThat(p.get("q").length()).isLessThan(1000); // deflates to little, as a zip bomb would
        assertThat(open(p, KEY, NOW).refusal()).isEqualTo(ReportLink.Refusal.TOO_LARGE);
        // Signed garbage that is no deflate stream.
        String q = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {1, 2, 3});
        String exp = Long.toString(NOW + 10);
        assertThat(ReportLink.open(q, exp, ReportLink.sign(KEY, q, exp), KEY, NOW).refusal())
                .isEqualTo(ReportLink.Refusal.TOO_LARGE);
    }

    /**
     * API Gateway takes URLs of up to 10,240 characters on a regional API (its REST API quotas); Slack a
     * button's url of up to 3,000. Measured: the longest bundled example's link (printed) is far below both.
     */
    @Test
    void theLongestBundledExamplesLinkFitsApiGatewaysUrlLimit() throws IOException {
        ObjectMapper json = new ObjectMapper();
        String base = "https://abcdefghij.execute-api.ap-southeast-2.amazonaws.com/production/report?";
        int longest = 0;
        String which = null;
        try (Stream<Path> files = Files.walk(Path.of("infra/events"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String compact = json.readTree(p.toFile()).toString();
                int length = (base + ReportLink.query(compact, KEY, NOW, ReportLink.DEFAULT_TTL_SECONDS)).length();
                if (length > longest) {
                    longest = length;
                    which = p.toString();
                }
            }
        }
        System.out.println("longest report link: " + longest + " characters (" + which + ")");
        assertThat(longest).isLessThan(10_240).isLessThan(3_000);
    }
}
