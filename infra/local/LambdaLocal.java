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
            default -> usage();
        }
    }

    static void usage() {
        System.err.println("usage: LambdaLocal invoke --task DIR --ric DIR EVENT.json...");
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
            cmd.addAll(Arrays.asList(opts.getOrDefault("jvm-args", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
                    .trim().split("\\s+")));
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
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
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

        /** Resident set size in kB, from /proc (Linux); -1 where unavailable. */
        long rssKb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
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
