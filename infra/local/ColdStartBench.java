import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Cold start (process start to first response), warm p50/p99 and peak RSS of the packaged function
 * run as Lambda's java21 runtime runs it (Lambda's JVM flags), as ratios to a baseline function
 * measured in the same run, baseline and function processes alternating.
 *
 *   java -cp target/local-tools ColdStartBench --task DIR --ric DIR --events a.json,b.json
 *       [--baseline-task DIR --baseline-events x.json] [--runs 5] [--warm 300] [--native BIN]
 */
public final class ColdStartBench {
    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.exit(bench(Options.parse(args).named));
    }

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
            b.put("handler", FunctionProcess.FUNQY_HANDLER); // the minimal function has only Funqy's handler
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
        Measure measured = summarise(label, main, runs, warm);
        print(measured, baseline);
        guard(measured, baseline);
        return 0;
    }

    /** The warm and cold targets: warm p50 ≤ 1.5 ms, p99 ≤ 3 ms, cold start ≤ 1.2× the minimal function. */
    static final double P50_TARGET_MS = 1.5;
    static final double P99_TARGET_MS = 3.0;
    static final double COLD_TARGET_RATIO = 1.2;

    /** Says, target by target, whether the medians meet them (a benchmark's verdict, not a test's). */
    static void guard(Measure m, Measure base) {
        StringBuilder out = new StringBuilder("guard:");
        out.append(String.format(java.util.Locale.ROOT, " warm p50 %.2f ms %s %.1f ms;", m.p50Ms(),
                m.p50Ms() <= P50_TARGET_MS ? "<=" : "> (MISSED)", P50_TARGET_MS));
        out.append(String.format(java.util.Locale.ROOT, " warm p99 %.2f ms %s %.1f ms;", m.p99Ms(),
                m.p99Ms() <= P99_TARGET_MS ? "<=" : "> (MISSED)", P99_TARGET_MS));
        if (base != null) {
            double ratio = m.coldMs() / base.coldMs();
            out.append(String.format(java.util.Locale.ROOT, " cold start %.2fx %s %.1fx", ratio,
                    ratio <= COLD_TARGET_RATIO ? "<=" : "> (MISSED)", COLD_TARGET_RATIO));
        }
        System.out.println(out);
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
        List<byte[]> events = Options.events(opts);
        try (RuntimeApi api = new RuntimeApi(); FunctionProcess fn = FunctionProcess.start(opts, api.port(), false)) {
            RuntimeApi.Result first = api.invoke(events.get(0), 60_000);
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
                RuntimeApi.Result res = api.invoke(events.get(i % events.size()), 30_000);
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
}
