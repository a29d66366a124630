package dev.aicost.function;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Posts a Slack message to a slash command's {@code response_url} (Slack's delayed response). */
@ApplicationScoped
public class ResponsePoster {
    private static final Logger LOG = Logger.getLogger(ResponsePoster.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @return whether Slack took it (2xx) */
    public boolean post(String url, String messageJson) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(messageJson))
                    .build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 != 2) {
                LOG.error(JsonLine.of("ERROR", "Slack refused the delayed answer", "status", r.statusCode()));
                return false;
            }
            return true;
        } catch (IOException e) {
            LOG.error(JsonLine.of("ERROR", "the delayed answer could not be posted", "failure", e.getClass().getSimpleName()));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
