package dev.aicost.function;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every log line of an invocation carries its AWS request id: in the context while it runs, and in the format. */
class LambdaHandlerTest {
    static Context context(String requestId) {
        return new Context() {
            public String getAwsRequestId() { return requestId; }
            public String getLogGroupName() { return "g"; }
            public String getLogStreamName() { return "s"; }
            public String getFunctionName() { return "f"; }
            public String getFunctionVersion() { return "1"; }
            public String getInvokedFunctionArn() { return "arn"; }
            public CognitoIdentity getIdentity() { return null; }
            public ClientContext getClientContext() { return null; }
            public int getRemainingTimeInMillis() { return 1000; }
            public int getMemoryLimitInMB() { return 1024; }
            public LambdaLogger getLogger() { return null; }
        };
    }

    @Test
    void theRequestIdIsInTheLoggingContextDuringTheInvocationOnly() throws IOException {
        Object[] seen = new Object[1];
        LambdaHandler h = new LambdaHandler((in, out, ctx) -> seen[0] = MDC.get(LambdaHandler.MDC_KEY));
        h.handleRequest(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), context("c0ffee-42"));
        assertThat(seen[0]).isEqualTo("c0ffee-42");
        assertThat(MDC.get(LambdaHandler.MDC_KEY)).isNull();
    }

    @Test
    void theLogFormatPrintsIt() throws IOException {
        String props = Files.readString(Path.of("src/main/resources/application.properties"));
        assertThat(props).contains("quarkus.log.console.format=").contains("%X{AWSRequestId}");
    }
}
