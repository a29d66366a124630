import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs the packaged function on events exactly as AWS Lambda's java21 runtime does: AWS's runtime
 * interface client calls Funqy's stream handler and polls the {@link RuntimeApi} served on
 * 127.0.0.1. Prints each response (or error) as the caller would receive it.
 *
 *   java -cp target/local-tools Invoke --task DIR --ric DIR [--compact x] EVENT.json...
 */
public final class Invoke {
    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Options o = Options.parse(args);
        if (o.positional.isEmpty()) {
            Options.usage("Invoke --task DIR --ric DIR EVENT.json...");
        }
        System.exit(invoke(o.named, o.positional));
    }

    static int invoke(Map<String, String> opts, List<String> events) throws Exception {
        try (RuntimeApi api = new RuntimeApi(); FunctionProcess fn = FunctionProcess.start(opts, api.port(), true)) {
            int failures = 0;
            for (String e : events) {
                RuntimeApi.Result r = api.invoke(Files.readAllBytes(Path.of(e)), 60_000);
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
}
