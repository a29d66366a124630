import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Soak: mixed valid (70 %) and invalid (30 %) invocations through AWS's runtime interface client:
 * none lost, every invalid one a structured error, latency and RSS over time.
 *
 *   java -cp target/local-tools Soak --task DIR --ric DIR --events a.json,b.json [--count 20000]
 */
public final class Soak {
    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.exit(soak(Options.parse(args).named));
    }

    /** Bodies that must each come back as a structured INVALID_REQUEST error. */
    static final List<String> INVALID = List.of(
            "{\"model\":{\"id\":\"llama-3.1-8b\"},\"training\":{\"tokens\":\"lots\"}}",
            "{\"model\":{\"id\":\"no-such-model\"},\"inference\":{\"requestsPerDay\":1000}}",
            "{\"model\":{\"id\":\"llama-3.1-8b\"},\"inference\":{\"requestsPerDay\":-1}}",
            "{\"model\":{\"id\":\"llama-3.1-8b\"},\"inference\":{\"requestsPerDay\":1000,\"colour\":\"red\"}}",
            "{\"model\":{\"id\":\"llama-3.1-8b\"},\"inference\":{\"requestsPerDay\":1000",
            "{\"model\":{\"parameters\":1e20},\"training\":{}}",
            "{}",
            "[1,2,3]");

    static int soak(Map<String, String> opts) throws Exception {
        int count = Integer.parseInt(opts.getOrDefault("count", "20000"));
        List<byte[]> valid = Options.events(opts);
        java.util.Random random = new java.util.Random(42);
        int validOk = 0;
        int validFailed = 0;
        int invalidStructured = 0;
        int invalidOther = 0;
        int lost = 0;
        int withRuntimeTrace = 0;
        List<String> rssSamples = new ArrayList<>();
        long t0 = System.nanoTime();
        double[] lat = new double[count];
        try (RuntimeApi api = new RuntimeApi(); FunctionProcess fn = FunctionProcess.start(opts, api.port(), false)) {
            for (int i = 0; i < count; i++) {
                boolean isValid = random.nextInt(10) < 7;
                byte[] body = isValid ? valid.get(random.nextInt(valid.size()))
                        : INVALID.get(random.nextInt(INVALID.size())).getBytes(StandardCharsets.UTF_8);
                RuntimeApi.Result r = api.invoke(body, 30_000);
                if (r == null) {
                    lost++;
                    continue;
                }
                lat[i] = r.nanos() / 1e6;
                if (isValid) {
                    if (r.ok() && r.body().startsWith("{\"schemaVersion\"")) {
                        validOk++;
                    } else {
                        validFailed++;
                    }
                } else if (!r.ok() && r.body().contains("\"errorMessage\":\"{\\\"error\\\":\\\"INVALID_REQUEST\\\"")
                        && r.body().contains("\\\"problems\\\":[{\\\"path\\\":")) {
                    invalidStructured++;
                    if (r.body().contains("\"stackTrace\":[\"")) {
                        withRuntimeTrace++;
                    }
                } else {
                    invalidOther++;
                    if (invalidOther <= 3) {
                        System.err.println("unexpected answer to an invalid request: " + r.body());
                    }
                }
                if ((i + 1) % Math.max(1, count / 10) == 0) {
                    rssSamples.add(String.format(java.util.Locale.ROOT, "%d:%.1f", i + 1, fn.rssKb() / 1024.0));
                }
            }
        }
        Arrays.sort(lat);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "soak: %d invocations in %.1f s (%.0f/s): valid %d ok, %d failed; "
                + "invalid %d structured errors, %d other; %d lost; p50 %.2f ms, p99 %.2f ms%n", count, seconds,
                count / seconds, validOk, validFailed, invalidStructured, invalidOther, lost, lat[count / 2],
                lat[(int) (count * 0.99)]);
        System.out.println("RSS MB by invocation: " + String.join("  ", rssSamples));
        if (withRuntimeTrace > 0) {
            System.out.println(withRuntimeTrace + " structured errors also carried the runtime client's stackTrace "
                    + "(framework frames, as AWS's java21 runtime adds to every function error; the native build "
                    + "and API Gateway do not pass it on)");
        }
        return validFailed == 0 && invalidOther == 0 && lost == 0 ? 0 : 1;
    }
}
