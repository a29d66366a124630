import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The function: a JVM started like Lambda's java21 runtime starts it. */
final class FunctionProcess implements AutoCloseable {
    /** The template's JVM handler: Funqy's, with the request id in the log context. */
    static final String HANDLER = "dev.aicost.function.LambdaHandler::handleRequest";
    static final String FUNQY_HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";

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
