package dev.aicost.function;

import dev.aicost.request.InvalidRequestException;
import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Quarkus' Lambda poll loop logs every function error at ERROR with its message. An invalid
 * request is the caller's mistake (and its message quotes the caller's values), and an internal
 * failure is already logged by {@link EstimateFunction}: both are dropped here; every other record
 * passes.
 */
@LoggingFilter(name = "expected-function-errors")
public final class ExpectedErrorLogFilter implements Filter {
    static final int MAX_CAUSES = 16;

    @Override
    public boolean isLoggable(LogRecord record) {
        // Bounded: a cause chain can be cyclic (A caused by B caused by A); the ones that matter are shallow.
        Throwable t = record.getThrown();
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof InvalidRequestException || t instanceof InternalFailure || t instanceof Unauthorized) {
                return false;
            }
        }
        return true;
    }
}
