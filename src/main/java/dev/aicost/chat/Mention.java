package dev.aicost.chat;

/**
 * Something a message says, found at words {@code [from, to)}: a model, an accelerator, a traffic
 * figure… {@code id} is a catalog id or a word value ("spot", "ttft"), {@code value} a number (NaN when
 * none) and {@code high} the top of a range (NaN when not a range).
 */
record Mention(Slot slot, String id, double value, double high, int from, int to, String typed) {

    /** What a mention is about; one value per slot, unless a comparison joins them. */
    enum Slot {
        MODEL("models"), CUSTOM_MODEL("models"), HOSTED_API("models"), PROVIDER("models"), SELF_HOSTED("models"),
        ACCELERATOR("accelerators"), COUNT("accelerator counts"), PRECISION("precisions"),
        PRICING("pricing modes"), TRAFFIC("traffic figures"), PER_USER("traffic figures"), USERS("user counts"),
        INPUT_TOKENS("input lengths"), OUTPUT_TOKENS("output lengths"), TRAINING("training kinds"),
        TRAINING_TOKENS("token counts"), EPOCHS("epoch counts"), DEADLINE("deadlines"), RENTAL_HOURS("durations"),
        HORIZON("horizons"), BUDGET("budgets"), CACHE("cache hit rates"), GROWTH("growth rates"),
        TTFT("latency targets"), TPOT("latency targets"), E2E("latency targets"), SERVE("serve"), JOINER("joiner"),
        COMPARE("compare");

        final String plural;

        Slot(String plural) {
            this.plural = plural;
        }

        /** Models and hosted APIs are one choice: what answers the requests. */
        boolean model() {
            return this == MODEL || this == CUSTOM_MODEL || this == HOSTED_API || this == PROVIDER;
        }
    }

    static Mention of(Slot slot, String id, double value, int from, int to, String typed) {
        return new Mention(slot, id, value, Double.NaN, from, to, typed);
    }

    /** Two mentions say the same thing (the same value said twice is no conflict). */
    boolean same(Mention o) {
        return slot == o.slot && java.util.Objects.equals(id, o.id)
                && (Double.isNaN(value) ? Double.isNaN(o.value) : Math.abs(value - o.value) <= 1e-9 * Math.abs(value))
                && (Double.isNaN(high) ? Double.isNaN(o.high) : high == o.high);
    }
}
