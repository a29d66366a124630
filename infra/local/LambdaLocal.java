import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the packaged function the way AWS Lambda's java21 runtime does: AWS's runtime interface
 * client (RIC) calls io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest and polls a Lambda
 * Runtime API, which this program serves on loopback (127.0.0.1 only).
 *
 *   java infra/local/LambdaLocal.java invoke --task DIR --ric DIR EVENT.json...
 *       prints each response (or error) as the caller would receive it.
 *   java infra/local/LambdaLocal.java bench --task DIR --ric DIR --events a.json,b.json
 *       [--baseline-task DIR --baseline-events x.json] [--runs 5] [--warm 300] [--native BIN]
 *       cold start (process start to first response), warm p50/p99 and peak RSS, as a ratio to a
 *       baseline function measured in the same run.
 *   java infra/local/LambdaLocal.java soak --task DIR --ric DIR --events a.json,b.json [--count 20000]
 *       mixed valid and invalid invocations: none lost, every invalid one a structured error, RSS over time.
 *
 * Runs with only the JDK (single-file source launch); no dependencies.
 */
public class LambdaLocal {
    static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if (args.length == 0) {
            usage();
        }
        Map<String, String> opts = new java.util.HashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                opts.put(args[i].substring(2), args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        switch (args[0]) {
            case "invoke" -> System.exit(invoke(opts, rest));
            case "bench" -> System.exit(bench(opts));
            case "soak" -> System.exit(soak(opts));
            default -> usage();
        }
    }

    static void usage() {
        System.err.println("usage: LambdaLocal invoke|bench|soak --task DIR --ric DIR ... (see the class comment)");
        System.exit(2);
    }

    static int invoke(Map<String, String> opts, List<String> events) throws Exception {
        if (events.isEmpty()) {
            usage();
        }
        try (RuntimeApi api = new RuntimeApi(); FunctionProcess fn = FunctionProcess.start(opts, api.port(), true)) {
            int failures = 0;
            for (String e : events) {
                Result r = api.invoke(Files.readAllBytes(Path.of(e)), 60_000);
                if (r == null) {
                    System.err.println(e + ": no answer within 60 s");
                    return 2;
                }
                if (!r.ok()) {
                    failures++;
                }
                System.out.println(opts.containsKey("compact") ? r.body() : pretty(r.body()));
            }
            return failures == 0 ? 0 : 1;
        }
    }

    // ------------------------------------------------------------------ bench

    record Measure(String label, double coldMs, double initMs, double p50Ms, double p99Ms, double peakRssMb,
            int runs, int warmPerRun) {
    }

    static int bench(Map<String, String> opts) throws Exception {
        int runs = Integer.parseInt(opts.getOrDefault("runs", "5"));
        int warm = Integer.parseInt(opts.getOrDefault("warm", "300"));
        System.out.println("warm = calls after " + opts.getOrDefault("skip", "50") + " warm-up calls; JVM flags: "
                + FunctionProcess.lambdaJvmArgs(FunctionProcess.memoryMb(opts))
                + "; baseline and function runs alternate, so drift in the machine's load hits both");
        Map<String, String> b = null;
        if (opts.containsKey("baseline-task")) {
            b = new java.util.HashMap<>(opts);
            b.put("task", opts.get("baseline-task"));
            b.put("events", opts.get("baseline-events"));
            b.remove("native");
        }
        String label = opts.getOrDefault("label", "ai-cost-engine");
        double[][] base = new double[5][runs];
        double[][] main = new double[5][runs];
        for (int r = 0; r < runs; r++) {
            if (b != null) {
                double[] m = measureOnce("baseline", b, warm);
                for (int k = 0; k < 5; k++) {
                    base[k][r] = m[k];
                }
            }
            double[] m = measureOnce(label, opts, warm);
            for (int k = 0; k < 5; k++) {
                main[k][r] = m[k];
            }
        }
        Measure baseline = b == null ? null : summarise("baseline (minimal Funqy function)", base, runs, warm);
        if (baseline != null) {
            print(baseline, null);
        }
        print(summarise(label, main, runs, warm), baseline);
        return 0;
    }

    static void print(Measure m, Measure base) {
        System.out.printf(java.util.Locale.ROOT, "%-36s cold start %7.1f ms%s (init %5.1f + first call %5.1f)"
                + " | warm p50 %6.2f ms, p99 %6.2f ms | peak RSS %6.1f MB%s  (median of %d runs, %d warm calls each)%n",
                m.label(), m.coldMs(),
                base == null ? "        " : String.format(java.util.Locale.ROOT, " (%.2fx)", m.coldMs() / base.coldMs()),
                m.initMs(), m.coldMs() - m.initMs(), m.p50Ms(), m.p99Ms(), m.peakRssMb(),
                base == null ? "" : String.format(java.util.Locale.ROOT, " (%.2fx)", m.peakRssMb() / base.peakRssMb()),
                m.runs(), m.warmPerRun());
    }

    static Measure summarise(String label, double[][] v, int runs, int warm) {
        return new Measure(label, median(v[0]), median(v[1]), median(v[2]), median(v[3]), median(v[4]), runs, warm);
    }

    /** One cold process: {cold start ms, init ms, warm p50 ms, warm p99 ms, peak RSS MB}. */
    static double[] measureOnce(String label, Map<String, String> opts, int warm) throws Exception {
        List<byte[]> events = new ArrayList<>();
        for (String e : opts.get("events").split(",")) {
            events.add(Files.readAllBytes(Path.of(e.strip())));
        }
        try (RuntimeApi api = new RuntimeApi(); FunctionProcess fn = FunctionProcess.start(opts, api.port(), false)) {
            Result first = api.invoke(events.get(0), 60_000);
            if (first == null || !first.ok()) {
                throw new IllegalStateException(label + ": first invocation failed: " + (first == null ? "timeout"
                        : first.body()));
            }
            double cold = (System.nanoTime() - fn.startNanos) / 1e6;
            double init = (api.firstPoll.get() - fn.startNanos) / 1e6;
            int skip = Integer.parseInt(opts.getOrDefault("skip", "50"));
            for (int i = 0; i < skip; i++) {
                api.invoke(events.get(i % events.size()), 30_000);
            }
            double[] lat = new double[warm];
            for (int i = 0; i < warm; i++) {
                Result res = api.invoke(events.get(i % events.size()), 30_000);
                if (res == null || !res.ok()) {
                    throw new IllegalStateException(label + ": warm invocation failed");
                }
                lat[i] = res.nanos() / 1e6;
            }
            Arrays.sort(lat);
            return new double[] {cold, init, lat[(int) (warm * 0.50)],
                lat[Math.min(warm - 1, (int) Math.ceil(warm * 0.99) - 1)], fn.peakRssKb() / 1024.0};
        }
    }

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    // ------------------------------------------------------------------ soak

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
        List<byte[]> valid = new ArrayList<>();
        for (String e : opts.get("events").split(",")) {
            valid.add(Files.readAllBytes(Path.of(e.strip())));
        }
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
                Result r = api.invoke(body, 30_000);
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

    /** One invocation's outcome: the response body, or the error body the runtime posted. */
    record Result(boolean ok, String body, long nanos) {
    }

    /** The Lambda Runtime API (2018-06-01), enough of it for one function instance. */
    static final class RuntimeApi implements AutoCloseable {
        private final HttpServer server;
        private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
        private final Map<String, byte[]> events = new ConcurrentHashMap<>();
        private final Map<String, CompletableFuture<Result>> results = new ConcurrentHashMap<>();
        private final Map<String, Long> started = new ConcurrentHashMap<>();
        private final AtomicLong ids = new AtomicLong();
        final CompletableFuture<String> initError = new CompletableFuture<>();
        final CompletableFuture<Long> firstPoll = new CompletableFuture<>();

        RuntimeApi() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            server.createContext("/2018-06-01/runtime/", this::handle);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "runtime-api");
                t.setDaemon(true);
                return t;
            }));
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        /** Queues an event and waits for its response; null if none within the timeout. */
        Result invoke(byte[] event, long timeoutMs) throws Exception {
            String id = "req-" + ids.incrementAndGet();
            CompletableFuture<Result> f = new CompletableFuture<>();
            results.put(id, f);
            events.put(id, event);
            started.put(id, System.nanoTime());
            pending.add(id);
            try {
                return f.get(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return null;
            } finally {
                results.remove(id);
                events.remove(id);
            }
        }

        private void handle(HttpExchange ex) throws IOException {
            String path = ex.getRequestURI().getPath();
            try (ex) {
                byte[] body = ex.getRequestBody().readAllBytes();
                if (path.endsWith("/invocation/next")) {
                    firstPoll.complete(System.nanoTime());
                    String id = pending.take();
                    byte[] event = events.get(id);
                    ex.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", id);
                    ex.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                            String.valueOf(System.currentTimeMillis() + 900_000));
                    ex.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                            "arn:aws:lambda:us-east-1:000000000000:function:ai-cost-engine");
                    ex.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
                    ex.getResponseHeaders().add("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, event.length);
                    ex.getResponseBody().write(event);
                    return;
                }
                if (path.endsWith("/init/error")) {
                    initError.complete(new String(body, StandardCharsets.UTF_8));
                    ex.sendResponseHeaders(202, -1);
                    return;
                }
                String[] parts = path.split("/");
                // /2018-06-01/runtime/invocation/{id}/response|error
                String id = parts.length >= 6 ? parts[4] : "";
                boolean ok = path.endsWith("/response");
                CompletableFuture<Result> f = results.get(id);
                Long t0 = started.remove(id);
                ex.sendResponseHeaders(202, -1);
                if (f != null) {
                    f.complete(new Result(ok, new String(body, StandardCharsets.UTF_8),
                            t0 == null ? 0 : System.nanoTime() - t0));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** The function: a JVM started like Lambda's java21 runtime starts it. */
    static final class FunctionProcess implements AutoCloseable {
        final Process process;
        final long startNanos;

        private FunctionProcess(Process p, long startNanos) {
            this.process = p;
            this.startNanos = startNanos;
        }

        static FunctionProcess start(Map<String, String> opts, int port, boolean inheritLogs) throws IOException {
            String task = opts.getOrDefault("task", "target/lambda-task");
            String ric = opts.getOrDefault("ric", "target/ric");
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(Arrays.asList(opts.getOrDefault("jvm-args", lambdaJvmArgs(memoryMb(opts))).trim().split("\\s+")));
            if (opts.containsKey("native")) {
                cmd.clear();
                cmd.add(opts.get("native"));
            } else {
                cmd.add("-cp");
                cmd.add(task + File.pathSeparator + task + "/lib/*" + File.pathSeparator + ric + "/*");
                cmd.add("com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
                cmd.add(opts.getOrDefault("handler", HANDLER));
            }
            ProcessBuilder pb = new ProcessBuilder(cmd);
            Map<String, String> env = pb.environment();
            env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + port);
            env.put("_HANDLER", opts.getOrDefault("handler", HANDLER));
            env.put("LAMBDA_TASK_ROOT", task);
            env.put("AWS_LAMBDA_FUNCTION_NAME", "ai-cost-engine");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(memoryMb(opts)));
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_REGION", "us-east-1");
            env.put("DISABLE_SIGNAL_HANDLERS", "true");
            if (inheritLogs) {
                pb.redirectOutput(ProcessBuilder.Redirect.to(new File(opts.getOrDefault("log",
                        "target/lambda-local.log"))));
                pb.redirectErrorStream(true);
            } else {
                pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
                pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            }
            long t0 = System.nanoTime();
            return new FunctionProcess(pb.start(), t0);
        }

        static int memoryMb(Map<String, String> opts) {
            return Integer.parseInt(opts.getOrDefault("memory", "1024"));
        }

        /**
         * The JVM flags of Lambda's java21 runtime for a function of this memory size: the machine looks
         * as big as the function (MaxRAM), the heap is ~85 % of it, serial GC, C1 only, CDS on.
         */
        static String lambdaJvmArgs(int memoryMb) {
            return "-XX:MaxRAM=" + memoryMb + "m -XX:MaxHeapSize=" + (memoryMb * 85 / 100) + "m -XX:+UseSerialGC"
                    + " -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Xshare:auto -XX:-UsePerfData";
        }

        /** Resident set size in kB, from /proc (Linux); -1 where unavailable. */
        long rssKb() {
            return status("VmRSS:");
        }

        /** Peak resident set size (high-water mark) in kB. */
        long peakRssKb() {
            return status("VmHWM:");
        }

        private long status(String key) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                    if (line.startsWith(key)) {
                        return Long.parseLong(line.replaceAll("\\D+", ""));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return -1;
            }
            return -1;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Indents JSON for reading (string-aware; no parsing library needed). */
    static String pretty(String json) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> { inString = true; out.append(c); }
                case '{', '[' -> {
                    char close = c == '{' ? '}' : ']';
                    if (i + 1 < json.length() && json.charAt(i + 1) == close) {
                        out.append(c).append(close);
                        i++;
                    } else {
                        out.append(c).append('\n').append("  ".repeat(++depth));
                    }
                }
                case '}', ']' -> out.append('\n').append("  ".repeat(--depth)).append(c);
                case ',' -> out.append(",\n").append("  ".repeat(depth));
                case ':' -> out.append(": ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
