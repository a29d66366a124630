package dev.aicost.engine.uncertainty;

import dev.aicost.engine.core.Num;

/** What an estimate is multiplied by at a source's P10 and P90. */
record Factors(double p10, double p90) {
    static final Factors NONE = new Factors(1, 1);

    boolean none() {
        return p10 == 1 && p90 == 1;
    }

    String shown() {
        return "×" + Num.show(Num.sig(p10, 2)) + "–" + Num.show(Num.sig(p90, 2));
    }
}
