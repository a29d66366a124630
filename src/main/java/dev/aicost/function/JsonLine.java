package dev.aicost.function;

import java.util.Map;
import org.jboss.logging.MDC;

/**
 * One log line as a JSON object: level, the invocation's AWS request id, the event and its fields. The
 * function's loggers print it as it is (application.properties), so CloudWatch Logs Insights reads every
 * field; a value is escaped here, so no text can break the line or start another.
 */
final class JsonLine {
    private JsonLine() {
    }

    /** {@code fields}: alternating names and values (a number is written as one; a null value is left out). */
    static String of(String level, String event, Object... fields) {
        StringBuilder b = new StringBuilder(160).append("{\"level\":\"").append(level).append('"');
        Object id = MDC.get(LambdaHandler.MDC_KEY);
        if (id != null) {
            b.append(",\"requestId\":");
            quote(b, id.toString());
        }
        b.append(",\"event\":");
        quote(b, event);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                b.append(',');
                quote(b, fields[i].toString());
                b.append(':');
                if (fields[i + 1] instanceof Number n && Double.isFinite(n.doubleValue())) {
                    b.append(n);
                } else {
                    quote(b, fields[i + 1].toString());
                }
            }
        }
        return b.append('}').toString();
    }

    /** The invocation's line: its fields as a nested object. */
    static String invocation(Map<String, Object> fields) {
        Object[] flat = new Object[fields.size() * 2];
        int i = 0;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            flat[i++] = e.getKey();
            flat[i++] = e.getValue();
        }
        return of("INFO", "invocation", flat);
    }

    static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
