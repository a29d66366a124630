package dev.aicost.chat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aicost.api.Estimator;
import dev.aicost.request.InvalidRequestException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages made of the words people use, shuffled and mangled: the reader never throws, and whatever it
 * understands the engine answers or refuses as a caller mistake (never an internal error).
 */
class ChatFuzzTest {
    static final String[] WORDS = {"llama", "3", "3.1", "70b", "8b", "mistral", "7b", "mixtral", "8x7b", "qwen",
        "2.5", "deepseek", "v3", "gpt-4o-mini", "claude", "haiku", "gemini", "flash", "groq", "together", "api",
        "h100", "h100s", "a100", "l4", "8xh100", "8x", "b200", "tpu", "v5e", "on", "at", "for", "in", "within",
        "over", "vs", "or", "and", "compare", "self-hosted", "50k/day", "1m", "rpd", "rps", "10", "req/day",
        "requests", "per", "day", "month", "second", "a", "week", "3", "days", "hours", "months", "years",
        "500", "tokens", "in", "out", "/", "2k/500", "tok", "prompt", "completion", "fine-tune", "lora",
        "pretrain", "train", "then", "serve", "spot", "on-demand", "reserved", "1-year", "commit", "3yr",
        "int4", "fp8", "4-bit", "ttft", "p95", "<", "1s", "500ms", "latency", "under", "budget", "$10k/mo",
        "30%", "cache", "hits", "growing", "5%", "monthly", "users", "each", "sending", "messages", "epochs",
        "50.000", "1,500", "~1k", "20k-80k", "between", "and", "99999999999999999999", "1e400", "-5", "0",
        "0.0000001", "x", "?", "!", "hi", "please", "what's", "how", "much", "10k", "1.5", "million", "a",
        "single", "one", "rent", "gpus", "us-east-1", "phi-3", "v100", "'", "\"", "\\", "☕", "%zz"};

    @Test
    void noMessageBreaksTheReaderOrTheEngine() {
        TextRequest reader = new TextRequest(dev.aicost.catalog.Catalog.builtIn());
        Random random = new Random(20261202);
        int understood = 0;
        int answered = 0;
        for (int i = 0; i < 1500; i++) {
            StringBuilder s = new StringBuilder();
            int n = 1 + random.nextInt(14);
            for (int k = 0; k < n; k++) {
                s.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(6) == 0 ? ", " : " ");
            }
            String text = s.toString().strip();
            Reading r = reader.read(text); // never throws
            if (!r.understood()) {
                assertThat(r.problems()).as(text).allMatch(p -> p.allowed() != null && !p.problem().isBlank());
                continue;
            }
            understood++;
            if (i % 5 != 0) {
                continue; // the engine runs on a fifth of them (the default run stays fast)
            }
            try {
                Estimator.builtIn().estimate(JsonNodeFactory.instance.objectNode().put("text", text),
                        dev.aicost.engine.CostEngine.Advice.NONE);
                answered++;
            } catch (InvalidRequestException e) {
                assertThat(e.problems()).as(text).isNotEmpty();
            } catch (RuntimeException e) {
                throw new AssertionError("the engine failed on '" + text + "'", e);
            }
        }
        assertThat(understood).isGreaterThan(20);
        assertThat(answered).isGreaterThan(0);
    }
}
