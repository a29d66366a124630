package dev.aicost.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The signing secret: a failed fetch is retried after a growing wait, never cached; a value is kept. */
class SigningSecretTest {
    static final Map<String, String> ON_LAMBDA = Map.of("SLACK_SIGNING_SECRET_ARN", "arn:aws:secretsmanager:x",
            "AWS_SESSION_TOKEN", "token");

    @Test
    void aFailedFetchIsRetriedWithBackoffAndTheValueThenKept() {
        AtomicLong now = new AtomicLong(0);
        List<Long> tries = new ArrayList<>();
        SigningSecret s = new SigningSecret(ON_LAMBDA::get, now::get) {
            @Override
            String fetch(String arn, String token) {
                tries.add(now.get());
                return tries.size() < 3 ? null : "the-secret";
            }
        };
        assertThat(s.get()).isNull(); // first try fails at 0 ms
        now.set(500);
        assertThat(s.get()).isNull(); // within the 1 s wait: not tried again
        now.set(1_000);
        assertThat(s.get()).isNull(); // second try fails; the wait doubles to 2 s
        now.set(2_999);
        assertThat(s.get()).isNull();
        now.set(3_000);
        assertThat(s.get()).isEqualTo("the-secret"); // third try succeeds
        now.set(1_000_000);
        assertThat(s.get()).isEqualTo("the-secret");
        assertThat(tries).containsExactly(0L, 1_000L, 3_000L);
    }

    @Test
    void noConfigurationIsSettledAtOnce() {
        List<String> fetched = new ArrayList<>();
        SigningSecret s = new SigningSecret(name -> null, () -> 0) {
            @Override
            String fetch(String arn, String token) {
                fetched.add(arn);
                return "never";
            }
        };
        assertThat(s.get()).isNull();
        assertThat(s.get()).isNull();
        assertThat(fetched).isEmpty();
        assertThat(new SigningSecret(Map.of("SLACK_SIGNING_SECRET", "local")::get).get()).isEqualTo("local");
    }
}
