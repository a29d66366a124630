import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The local tools' command line: {@code --name value} options, then positional arguments. */
final class Options {
    final Map<String, String> named = new HashMap<>();
    final List<String> positional = new ArrayList<>();

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                o.named.put(args[i].substring(2), args[++i]);
            } else {
                o.positional.add(args[i]);
            }
        }
        return o;
    }

    /** The bodies of the comma-separated event files named by {@code --events}. */
    static List<byte[]> events(Map<String, String> named) throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (String e : named.get("events").split(",")) {
            out.add(Files.readAllBytes(Path.of(e.strip())));
        }
        return out;
    }

    static void usage(String text) {
        System.err.println("usage: " + text);
        System.exit(2);
    }
}
