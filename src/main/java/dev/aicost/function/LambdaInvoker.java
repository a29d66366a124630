package dev.aicost.function;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Lambda's Invoke API with {@code X-Amz-Invocation-Type: Event}, on this function
 * ({@code AWS_LAMBDA_FUNCTION_NAME}) with the execution role's credentials from the environment, signed
 * with {@link SigV4}. The role may invoke the stack's own functions only (infra/template.yaml).
 */
@ApplicationScoped
public class LambdaInvoker implements AsyncInvoker {
    private static final Logger LOG = Logger.getLogger(LambdaInvoker.class);
    private final Function<String, String> env;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public LambdaInvoker() {
        this(System::getenv);
    }

    LambdaInvoker(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public boolean invoke(String payloadJson) {
        String function = env.apply("AWS_LAMBDA_FUNCTION_NAME");
        String alias = env.apply("SLACK_DELAYED_QUALIFIER");
        if (function != null && alias != null && !alias.isEmpty()) {
            function = function + ":" + alias; // the alias API Gateway invokes (a published, snapshotted version)
        }
        String region = env.apply("AWS_REGION");
        String key = env.apply("AWS_ACCESS_KEY_ID");
        String secret = env.apply("AWS_SECRET_ACCESS_KEY");
        if (function == null || region == null || key == null || secret == null) {
            return false; // not on Lambda: no delayed answers
        }
        try {
            HttpResponse<Void> response = http.send(request(function, region, new SigV4.Credentials(key, secret,
                    env.apply("AWS_SESSION_TOKEN")), payloadJson, ZonedDateTime.now(ZoneOffset.UTC)),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 202) {
                LOG.error(JsonLine.of("ERROR", "asynchronous invocation refused", "status", response.statusCode()));
                return false;
            }
            return true;
        } catch (IOException e) {
            LOG.error(JsonLine.of("ERROR", "asynchronous invocation failed", "failure", e.getClass().getSimpleName()));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static HttpRequest request(String function, String region, SigV4.Credentials creds, String payload,
            ZonedDateTime at) {
        String host = "lambda." + region + ".amazonaws.com";
        String path = "/2015-03-31/functions/" + function.replace(":", "%3A") + "/invocations";
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", host);
        headers.put("content-type", "application/json");
        headers.put("x-amz-date", at.format(SigV4.AMZ_DATE));
        headers.put("x-amz-invocation-type", "Event");
        if (creds.sessionToken() != null) {
            headers.put("x-amz-security-token", creds.sessionToken());
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://" + host + path))
                .timeout(Duration.ofSeconds(2)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((k, v) -> {
            if (!k.equals("host")) {
                b.header(k, v);
            }
        });
        b.header("Authorization", SigV4.authorization("POST", path, headers, body, "lambda", region, creds, at));
        return b.build();
    }
}
