import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The Lambda Runtime API (2018-06-01), enough of it for one function instance, on 127.0.0.1. */
final class RuntimeApi implements AutoCloseable {
    /** One invocation's outcome: the response body, or the error body the runtime posted. */
    record Result(boolean ok, String body, long nanos) {
    }

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
