package dev.aicost.chat;

import dev.aicost.catalog.Catalog;
import dev.aicost.request.Problem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat table (src/test/resources/chat/phrasings.txt): 140 messages written from how people type
 * in Slack, each with the exact structured meaning, the exact refusal, and the words listed as ignored.
 */
class ChatPhrasingsTest {
    static final TextRequest READER = new TextRequest(Catalog.builtIn());

    static Stream<Phrasings> phrasings() {
        return Phrasings.read("/chat/phrasings.txt").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phrasings")
    void aMessageMeansExactlyWhatTheTableSays(Phrasings p) {
        Reading r = READER.read(p.text());
        List<String> problems = r.problems().stream().map(Problem::problem).toList();
        assertThat(problems).as("problems of line %d", p.line()).isEqualTo(p.problems());
        if (p.meaning() != null) {
            assertThat(Phrasings.same(Phrasings.meaningOf(r), p.meaning()))
                    .as("line %d: got %s, want %s", p.line(), Phrasings.meaningOf(r), p.meaning()).isTrue();
        }
        assertThat(r.ignored()).as("ignored words of line %d", p.line()).isEqualTo(p.ignored());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phrasings")
    void aRefusalSuggestsARewriteThatIsUnderstood(Phrasings p) {
        Reading r = READER.read(p.text());
        for (Problem problem : r.problems()) {
            String allowed = problem.allowed();
            assertThat(allowed).as("line %d", p.line()).contains("`");
            String rewrite = allowed.substring(allowed.indexOf('`') + 1, allowed.indexOf('`', allowed.indexOf('`') + 1));
            if (rewrite.startsWith("/aicost help")) {
                continue;
            }
            // The rewrite replaces what was ambiguous; with the rest of a message it must read.
            assertThat(rewrite).isNotBlank();
        }
    }

    @Test
    void theTableIsAsLargeAsTheIssueAsks() {
        List<Phrasings> all = Phrasings.read("/chat/phrasings.txt");
        assertThat(all).hasSizeGreaterThanOrEqualTo(120);
        assertThat(all.stream().filter(p -> !p.ignored().isEmpty())).hasSizeGreaterThanOrEqualTo(10);
        assertThat(all.stream().filter(p -> p.meaning() == null)).hasSizeGreaterThanOrEqualTo(20);
    }
}
