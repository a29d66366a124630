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

    @Override
    public boolean isLoggable(LogRecord record) {
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            if (t instanceof InvalidRequestException || t instanceof InternalFailure) {
                return false;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return true;
    }
}
