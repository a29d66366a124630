package dev.aicost.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.catalog.Catalog;
import dev.aicost.request.InvalidRequestException;
import dev.aicost.request.Limits;
import dev.aicost.request.Unicode;
import java.util.Iterator;
import java.util.List;

/**
 * A request in a sentence, as people type it in a chat: {@code "how much would llama 3 70b cost at
 * 1.2M req/day on h100s?"}. The message is read leniently (greetings, questions and filler are
 * skipped; words with a number that could not be placed are listed as ignored) into the structured
 * request it means, or one per option of a comparison ({@code "llama 8b vs mistral 7b"}). What cannot
 * be read without guessing (two models, {@code 50.000}, a bare "500 tokens") is refused, every problem
 * at once, each with a rewrite that works. See docs/chat.md.
 */
public final class TextRequest {
    private final Catalog catalog;
    private final Names names;

    public TextRequest(Catalog catalog) {
        this.catalog = catalog;
        this.names = new Names(catalog);
    }

    /** What the message means. */
    public Reading read(String text) {
        return read(text, this::readPlain);
    }

    /** A suggested rewrite is read without suggesting another (it must read as it is). */
    private Reading readPlain(String text) {
        return read(text, null);
    }

    private Reading read(String text, java.util.function.Function<String, Reading> reread) {
        List<Word> words = Words.words(text, names.familyWords());
        MentionFinder finder = new MentionFinder(names, words, text).run();
        return new Interpretation(catalog, finder, text, reread).read();
    }

    /** The one structured request the text means, or an {@link InvalidRequestException} at path {@code text}. */
    public ObjectNode parse(String text) {
        Reading r = read(text);
        if (!r.understood()) {
            throw new InvalidRequestException(r.problems());
        }
        return r.request();
    }

    /**
     * A plain-text request ({@code {"text": "..."}}) read: never together with structured sections
     * (the two could disagree); {@code format} is the caller's and is left to it.
     */
    public Reading understand(JsonNode request) {
        JsonNode text = request.get("text");
        if (!text.isTextual()) {
            throw InvalidRequestException.of("text", "must be a string", "a request in words");
        }
        Iterator<String> fields = request.fieldNames();
        while (fields.hasNext()) {
            String name = fields.next();
            if (!name.equals("text") && !name.equals("format")) {
                throw InvalidRequestException.of(name, "cannot be combined with 'text'",
                        "either a plain-text request or the structured sections, not both");
            }
        }
        if (!Unicode.wellFormed(text.asText())) {
            throw InvalidRequestException.of("text", Unicode.PROBLEM, "a request in words");
        }
        if (text.asText().length() > Limits.MAX_TEXT_LENGTH) {
            throw InvalidRequestException.of("text", "is longer than "
                    + Limits.MAX_TEXT_LENGTH + " characters", "a request in a sentence or two");
        }
        return read(text.asText());
    }
}
