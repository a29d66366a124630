package dev.aicost.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongSupplier;
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

    private final String variable;
    private final Function<String, String> env;
    private final LongSupplier clock;
    private volatile String cached;
    private volatile boolean settled;
    /** After a failed fetch: when to try again (ms) and how long the next wait is. */
    private long retryAt;
    private long backoffMs = 1_000;
    static final long MAX_BACKOFF_MS = 60_000;

    public SigningSecret() {
        this(System::getenv, System::currentTimeMillis);
    }

    SigningSecret(Function<String, String> env) {
        this(env, System::currentTimeMillis);
    }

    SigningSecret(Function<String, String> env, LongSupplier clock) {
        this("SLACK_SIGNING_SECRET", env, clock);
    }

    /** A secret read as this one is, from {@code variable} locally or {@code variable_ARN} in AWS. */
    SigningSecret(String variable, Function<String, String> env, LongSupplier clock) {
        this.variable = variable;
        this.env = env;
        this.clock = clock;
    }

    /** Fetched in the init phase (Lambda's free 10 seconds), not inside the first Slack request's 3. */
    void onStart(@Observes StartupEvent event) {
        get();
    }

    /**
     * The secret, or null when none is configured or it cannot be fetched now. A value, or the absence
     * of any configuration, is kept; a failed fetch is not: it is tried again on a later request, after
     * a wait that doubles from 1 s up to a minute.
     */
    public String get() {
        if (settled) {
            return cached;
        }
        synchronized (this) {
            if (settled || clock.getAsLong() < retryAt) {
                return cached;
            }
            Fetch f = load();
            cached = f.value();
            if (f.value() != null || !f.failed()) {
                settled = true;
            } else {
                retryAt = clock.getAsLong() + backoffMs;
                backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
            }
            return cached;
        }
    }

    /** A fetch's outcome: the value, or null and whether that is a failure (to retry) or no configuration. */
    record Fetch(String value, boolean failed) {
    }

    private Fetch load() {
        String local = env.apply(variable);
        if (local != null && !local.isEmpty()) {
            return new Fetch(local, false);
        }
        String arn = env.apply(variable + "_ARN");
        String token = env.apply("AWS_SESSION_TOKEN");
        if (arn == null || arn.isEmpty() || token == null) {
            return new Fetch(null, false);
        }
        return new Fetch(fetch(arn, token), true);
    }

    /** The secret through the Parameters and Secrets extension, or null when it cannot be read. */
    String fetch(String arn, String token) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(EXTENSION + URLEncoder.encode(arn,
                    StandardCharsets.UTF_8))).header("X-Aws-Parameters-Secrets-Token", token)
                    .timeout(Duration.ofMillis(1_000)).GET().build(); // leaves Slack's 3 s room if tried in a request
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.error(JsonLine.of("ERROR", "a secret could not be read", "secret", variable, "status",
                        response.statusCode()));
                return null;
            }
            JsonNode secret = new ObjectMapper().readTree(response.body()).path("SecretString");
            return secret.isTextual() ? secret.asText() : null;
        } catch (IOException e) {
            LOG.error(JsonLine.of("ERROR", "a secret could not be read", "secret", variable, "failure",
                    e.getClass().getSimpleName()));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
