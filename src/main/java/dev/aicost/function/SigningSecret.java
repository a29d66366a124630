package dev.aicost.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Slack's signing secret, read once per process: locally and in tests from {@code SLACK_SIGNING_SECRET};
 * in AWS from Secrets Manager, the secret named by {@code SLACK_SIGNING_SECRET_ARN}, through the AWS
 * Parameters and Secrets Lambda Extension's local endpoint (authenticated with the function's own
 * session token). The value never sits in an environment variable in AWS, where
 * GetFunctionConfiguration would show it. No secret means every Slack request is refused.
 */
@ApplicationScoped
public class SigningSecret {
    private static final Logger LOG = Logger.getLogger(SigningSecret.class);
    static final String EXTENSION = "http://localhost:2773/secretsmanager/get?secretId=";

    private final Function<String, String> env;
    private volatile String cached;
    private volatile boolean loaded;

    public SigningSecret() {
        this(System::getenv);
    }

    SigningSecret(Function<String, String> env) {
        this.env = env;
    }

    /** The secret, or null when none is configured or it cannot be fetched. */
    public String get() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    cached = load();
                    loaded = true;
                }
            }
        }
        return cached;
    }

    private String load() {
        String local = env.apply("SLACK_SIGNING_SECRET");
        if (local != null && !local.isEmpty()) {
            return local;
        }
        String arn = env.apply("SLACK_SIGNING_SECRET_ARN");
        String token = env.apply("AWS_SESSION_TOKEN");
        if (arn == null || arn.isEmpty() || token == null) {
            return null;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(EXTENSION + URLEncoder.encode(arn,
                    StandardCharsets.UTF_8))).header("X-Aws-Parameters-Secrets-Token", token)
                    .timeout(Duration.ofSeconds(2)).GET().build();
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.errorf("the Slack signing secret could not be read (extension answered %d)", response.statusCode());
                return null;
            }
            JsonNode secret = new ObjectMapper().readTree(response.body()).path("SecretString");
            return secret.isTextual() ? secret.asText() : null;
        } catch (IOException e) {
            LOG.errorf("the Slack signing secret could not be read: %s", e.getClass().getSimpleName());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
