package dev.aicost.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.report.CostReport;
import dev.aicost.report.page.HtmlPage;
import dev.aicost.request.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Reports as pages: the link a report carries ({@code links.html}) and the {@code GET /report} route that
 * opens one. The link is signed with {@link LinkSecret} and lives {@code REPORT_LINK_TTL_SECONDS} (30 days
 * by default); its address is the API's own (API Gateway's mapping passes it) or {@code REPORT_BASE_URL}.
 * A page answer is {@code {"html": …, "contentSecurityPolicy": …}}; API Gateway sends the html as
 * {@code text/html} with that policy. A refused link gets a small error page, never a report.
 */
@ApplicationScoped
public class ReportPages {
    private static final Logger LOG = Logger.getLogger(ReportPages.class);

    @Inject
    LinkSecret key;

    @Inject
    ObjectMapper json;

    /** Outside CDI (tests that build the function by hand): this key and this mapper. */
    static ReportPages of(LinkSecret key, ObjectMapper json) {
        ReportPages p = new ReportPages();
        p.key = key;
        p.json = json;
        return p;
    }

    /** The report with its page's link, when a link key and an address are known; else as it is. */
    CostReport linked(CostReport report, JsonNode requestSent, String baseUrl) {
        String secret = key.get();
        String base = baseUrl != null && baseUrl.startsWith("https://") ? baseUrl : System.getenv("REPORT_BASE_URL");
        if (secret == null || base == null || base.isEmpty() || requestSent == null) {
            return report;
        }
        String query = ReportLink.query(requestSent.toString(), secret, System.currentTimeMillis() / 1000, ttl());
        return report.withLinks(new CostReport.Links(base + "?" + query));
    }

    /** The page of a report, as the function answers it. */
    ObjectNode page(CostReport report) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("html", HtmlPage.render(json.valueToTree(report)));
        out.put("contentSecurityPolicy", HtmlPage.CSP);
        out.put("cacheControl", "private, max-age=3600"); // the same link gives the same page
        return out;
    }

    /** {@code GET /report?q&exp&sig}: the page of the request the link carries, or an error page. */
    ObjectNode open(JsonNode event, Function<JsonNode, CostReport> estimate) {
        ReportLink.Opened opened = ReportLink.open(EstimateFunction.text(event, "q"), EstimateFunction.text(event, "exp"),
                EstimateFunction.text(event, "sig"),
                key.get(), System.currentTimeMillis() / 1000);
        if (opened.refusal() != null) {
            LOG.warn(JsonLine.of("WARN", "report link refused (link not logged)", "reason", opened.refusal()));
            return error("UNAUTHORIZED", opened.refusal() == ReportLink.Refusal.EXPIRED
                    ? "This link has expired. Ask for the estimate again to get a new one."
                    : "This link is not valid: it may have been cut short or changed.");
        }
        try {
            return page(estimate.apply(json.readTree(opened.requestJson())));
        } catch (InvalidRequestException e) {
            return error("INVALID_REQUEST", "The request in this link can no longer be estimated ("
                    + e.problems().size() + " problem(s)); ask for the estimate again.");
        } catch (java.io.IOException e) {
            return error("UNAUTHORIZED", "This link is not valid: it may have been cut short or changed.");
        }
    }

    private static ObjectNode error(String code, String message) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("error", code);
        out.put("html", "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>Report unavailable</title></head><body>"
                + "<h1>Report unavailable</h1><p>" + message + "</p></body></html>");
        out.put("contentSecurityPolicy", "default-src 'none'; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'none'");
        out.put("cacheControl", "no-store");
        return out;
    }

    private static long ttl() {
        String v = System.getenv("REPORT_LINK_TTL_SECONDS");
        try {
            long t = v == null ? ReportLink.DEFAULT_TTL_SECONDS : Long.parseLong(v.trim());
            return t > 0 && t <= 366L * 24 * 3600 ? t : ReportLink.DEFAULT_TTL_SECONDS;
        } catch (NumberFormatException e) {
            return ReportLink.DEFAULT_TTL_SECONDS;
        }
    }
}
