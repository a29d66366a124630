package dev.aicost.request;

import java.nio.charset.StandardCharsets;

/** Whether request text can be answered: the report is written as UTF-8, which has no unpaired surrogate. */
public final class Unicode {
    /** The problem a request string with an unpaired surrogate is refused with. */
    public static final String PROBLEM = "is not valid Unicode: it has an unpaired surrogate (\\uD800–\\uDFFF)";

    private Unicode() {
    }

    /** The text has a UTF-8 form: no unpaired UTF-16 surrogate (a JSON escape such as "\\ud800" alone decodes to one). */
    public static boolean wellFormed(String s) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(s);
    }
}
