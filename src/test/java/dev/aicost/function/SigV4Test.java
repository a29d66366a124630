package dev.aicost.function;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The signer against AWS's published Signature Version 4 test suite ("get-vanilla", "post-vanilla"). */
class SigV4Test {
    static final SigV4.Credentials EXAMPLE = new SigV4.Credentials("AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    static final ZonedDateTime AT = ZonedDateTime.of(2015, 8, 30, 12, 36, 0, 0, ZoneOffset.UTC);

    @Test
    void getVanilla() {
        String auth = SigV4.authorization("GET", "/", Map.of("Host", "example.amazonaws.com", "X-Amz-Date",
                "20150830T123600Z"), "".getBytes(StandardCharsets.UTF_8), "service", "us-east-1", EXAMPLE, AT);
        assertThat(auth).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void postVanilla() {
        String auth = SigV4.authorization("POST", "/", Map.of("Host", "example.amazonaws.com", "X-Amz-Date",
                "20150830T123600Z"), "".getBytes(StandardCharsets.UTF_8), "service", "us-east-1", EXAMPLE, AT);
        assertThat(auth).endsWith("Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
    }
}
