package dev.aicost.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.catalog.Catalog;
import dev.aicost.request.InvalidRequestException;
import dev.aicost.request.Limits;
import dev.aicost.request.Suggest;
import dev.aicost.request.Unicode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A request in a sentence, as typed in a chat: {@code "llama-3.3-70b 50k requests/day 500 in / 200 out
 * on h100 fp8 ttft 1s"}. It becomes the structured request it means (echoed in the report), so the
 * two forms give the same report. Every word belongs to the {@link Grammar}; an unknown word is an
 * error that quotes it, says where it is and what it may have meant, never a word silently skipped.
 */
public final class TextRequest {
    private final Catalog catalog;

    public TextRequest(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The structured request the text means, or an {@link InvalidRequestException} at path {@code text}. */
    public ObjectNode parse(String text) {
        List<Word> words = Words.words(text);
        if (words.isEmpty()) {
            throw problem("is empty", "a request in words, e.g. 'llama-3.1-8b 50k requests/day on l4'");
        }
        return new TextParser(this, catalog, words).run();
    }

    static InvalidRequestException problem(String problem, String allowed) {
        return InvalidRequestException.of("text", problem, allowed);
    }

    /** The vocabulary a mistyped word is compared with. */
    Set<String> vocabulary() {
        Set<String> v = new LinkedHashSet<>();
        v.addAll(catalog.modelIds());
        v.addAll(catalog.acceleratorIds());
        v.addAll(Grammar.ALIASES.keySet());
        v.addAll(Grammar.PRECISIONS);
        v.addAll(Grammar.PRICING);
        v.addAll(Grammar.KINDS.keySet());
        v.addAll(Grammar.REQUEST_WORDS);
        v.addAll(Grammar.KEYWORDS);
        v.addAll(Grammar.CONNECTORS);
        return v;
    }

    InvalidRequestException unknown(Word w) {
        String shown = w.text().length() > 40 ? w.text().substring(0, 40) + "…" : w.text();
        return InvalidRequestException.of("text", "unknown word '" + shown + "' at position " + w.position()
                + Suggest.didYouMean(w.lower(), vocabulary()), "catalog model and accelerator ids, the words of the "
                        + "grammar (see docs/chat.md, or '/aicost help')");
    }

    /**
     * A plain-text request ({@code {"text": "..."}}) as the structured request it means: never
     * together with structured sections (the two could disagree).
     */
    public ObjectNode understand(JsonNode request) {
        JsonNode text = request.get("text");
        if (!text.isTextual()) {
            throw InvalidRequestException.of("text", "must be a string", "a request in words");
        }
        Iterator<String> names = request.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("text")) {
                throw InvalidRequestException.of(name, "cannot be combined with 'text'",
                        "either a plain-text request or the structured sections, not both");
            }
        }
        if (!Unicode.wellFormed(text.asText())) {
            throw InvalidRequestException.of("text", Unicode.PROBLEM,
                    "a request in words");
        }
        if (text.asText().length() > Limits.MAX_TEXT_LENGTH) {
            throw InvalidRequestException.of("text", "is longer than "
                    + Limits.MAX_TEXT_LENGTH + " characters", "a request in a sentence or two");
        }
        return parse(text.asText());
    }
}
