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

    /** A refusal's suggestion is the whole message rewritten, and that rewrite is understood as it stands. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("phrasings")
    void aRefusalSuggestsARewriteThatIsUnderstood(Phrasings p) {
        Reading r = READER.read(p.text());
        if (r.understood()) {
            return;
        }
        String rewrite = rewrite(r);
        assertThat(rewrite).as("line %d: a whole-message rewrite in %s", p.line(), r.problems()).isNotNull();
        Reading again = READER.read(rewrite);
        assertThat(again.problems()).as("line %d: the rewrite '%s'", p.line(), rewrite).isEmpty();
    }

    /** The rewrite every problem of a refusal suggests ("try: `…`"), or null when they do not agree on one. */
    static String rewrite(Reading r) {
        String found = null;
        for (Problem problem : r.problems()) {
            String allowed = problem.allowed();
            if (allowed == null || !allowed.startsWith("try: `")) {
                return null;
            }
            String rewrite = allowed.substring(6, allowed.indexOf('`', 6));
            if (found != null && !found.equals(rewrite)) {
                return null;
            }
            found = rewrite;
        }
        return found;
    }

    @Test
    void theTableIsAsLargeAsTheIssueAsks() {
        List<Phrasings> all = Phrasings.read("/chat/phrasings.txt");
        assertThat(all).hasSizeGreaterThanOrEqualTo(120);
        assertThat(all.stream().filter(p -> !p.ignored().isEmpty())).hasSizeGreaterThanOrEqualTo(10);
        assertThat(all.stream().filter(p -> p.meaning() == null)).hasSizeGreaterThanOrEqualTo(20);
    }
}
