package dev.aicost.request;

/** Whether request text can be answered: the report is written as UTF-8, which has no unpaired surrogate. */
public final class Unicode {
    private Unicode() {
    }

    /** No unpaired UTF-16 surrogate (a JSON escape such as "\\ud800" alone decodes to one). */
    public static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
