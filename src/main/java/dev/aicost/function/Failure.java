package dev.aicost.function;

/**
 * An internal failure as the log may show it: the exception's class and where it was thrown (our frames
 * first), never its message, which can quote what the caller sent (a model id, a number).
 */
final class Failure {
    static final int FRAMES = 12;

    private Failure() {
    }

    static String describe(Throwable t) {
        StringBuilder s = new StringBuilder();
        for (Throwable c = t; c != null && s.length() < 4_000; c = c.getCause() == c ? null : c.getCause()) {
            s.append(s.length() == 0 ? "" : "; caused by ").append(c.getClass().getName());
            StackTraceElement[] trace = c.getStackTrace();
            for (int k = 0; k < Math.min(FRAMES, trace.length); k++) {
                s.append("\n    at ").append(trace[k]);
            }
        }
        return s.toString();
    }
}
