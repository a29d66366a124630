package dev.aicost.chat;

import dev.aicost.catalog.Catalog;
import dev.aicost.request.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Realistic messages kept out of the reader's development (src/test/resources/chat/held-out.txt): how
 * many it understands exactly, misreads (an answer with another meaning: never allowed) or refuses.
 * The README's chat section quotes the counts this test prints.
 */
class ChatHeldOutTest {
    static final TextRequest READER = new TextRequest(Catalog.builtIn());

    @Test
    void noHeldOutMessageIsMisread() {
        List<Phrasings> all = Phrasings.read("/chat/held-out.txt");
        int understood = 0;
        int refusedAsExpected = 0;
        int refusedInstead = 0;
        int withWorkingRewrite = 0;
        StringBuilder misread = new StringBuilder();
        for (Phrasings p : all) {
            Reading r = READER.read(p.text());
            String rewrite = r.understood() ? null : ChatPhrasingsTest.rewrite(r);
            if (rewrite != null && READER.read(rewrite).understood()) {
                withWorkingRewrite++;
            }
            if (p.meaning() != null && r.understood() && Phrasings.same(Phrasings.meaningOf(r), p.meaning())) {
                understood++;
            } else if (p.meaning() == null && r.problems().stream().map(Problem::problem).toList().equals(p.problems())) {
                refusedAsExpected++;
            } else if (!r.understood()) {
                refusedInstead++;
                System.out.println("refused: " + p.text() + " -> " + r.problems());
            } else {
                misread.append("\n").append(p.text()).append(" -> ").append(Phrasings.meaningOf(r));
            }
        }
        System.out.printf("held-out chat messages: %d; understood exactly %d, refused as they should be %d, "
                + "refused although readable %d, misread %d; refusals with a whole-message rewrite that reads: %d%n",
                all.size(), understood, refusedAsExpected, refusedInstead,
                misread.isEmpty() ? 0 : misread.toString().split("\n").length - 1, withWorkingRewrite);
        assertThat(withWorkingRewrite).as("every refusal suggests a rewrite that reads")
                .isEqualTo(refusedAsExpected + refusedInstead);
        assertThat(misread.toString()).as("misread").isEmpty();
    }
}
