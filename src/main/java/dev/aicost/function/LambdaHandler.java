package dev.aicost.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.quarkus.funqy.lambda.FunqyStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.jboss.logging.MDC;

/**
 * The JVM build's Lambda handler: Funqy's stream handler, with the invocation's AWS request id in the
 * logging context, so that every log line of the invocation carries it (the native build's poll loop
 * does the same itself). An operator traces a 500 through the access log's awsEndpointRequestId to
 * the function's lines with that id.
 */
public class LambdaHandler implements RequestStreamHandler {
    static final String MDC_KEY = "AWSRequestId";

    private final RequestStreamHandler delegate;

    public LambdaHandler() {
        this(new FunqyStreamHandler());
    }

    LambdaHandler(RequestStreamHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        MDC.put(MDC_KEY, context == null ? "-" : context.getAwsRequestId());
        try {
            delegate.handleRequest(in, out, context);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
