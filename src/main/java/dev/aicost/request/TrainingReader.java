package dev.aicost.request;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aicost.catalog.PricingMode;
import dev.aicost.request.TrainingInput.Engineering;
import dev.aicost.request.TrainingInput.Kind;
import java.util.List;

/** Binds and validates the {@code training} section of a request (see {@link RequestReader}). */
final class TrainingReader {
    private final RequestReader reader;

    TrainingReader(RequestReader reader) {
        this.reader = reader;
    }

    /** {@code efficiency}: "typical", "tuned", or a number (an MFU, the same as {@code mfu}). */
    private static TrainingInput.Efficiency efficiency(Fields t) {
        JsonNode e = t.raw("efficiency");
        if (e == null || e.isNumber()) {
            return null; // a number is read as the MFU (see training())
        }
        return t.choice("efficiency", RequestReader.EFFICIENCIES);
    }

    /** {@code mfu}, or {@code efficiency} given as a number (never both). */
    private static Double mfu(Fields t) {
        Double mfu = t.number(Bound.MFU);
        JsonNode e = t.raw("efficiency");
        if (e == null || !e.isNumber()) {
            return mfu;
        }
        Double asNumber = t.number("efficiency", Bound.MFU);
        if (mfu != null) {
            t.problem("efficiency", "is a number and mfu is given too", "one of them: efficiency as a number is the MFU");
        }
        return asNumber;
    }

    TrainingInput training(Fields t) {
        Kind kind = t.choice("kind", RequestReader.KINDS);
        AcceleratorInput acc = reader.accelerator(t, "accelerator");
        Integer count = t.whole(Bound.ACCELERATORS);
        Double deadline = t.number(Bound.DEADLINE_DAYS);
        if (count != null && deadline != null) {
            t.problem("deadlineDays", "cannot be combined with 'accelerators'",
                    "either accelerators (→ wall-clock days) or deadlineDays (→ accelerators needed)");
        }
        PricingMode mode = t.choice("pricingMode", RequestReader.PRICING);
        String offer = reader.offer(t, acc);
        Double price = t.number(Bound.PRICE_PER_ACCELERATOR_HOUR_USD);
        Engineering eng = t.read("engineering", e -> {
            Integer people = e.whole(Bound.PEOPLE);
            Double months = e.number(Bound.MONTHS);
            Double monthly = e.number(Bound.MONTHLY_COST_USD);
            for (String req : List.of("people", "months", "monthlyCostUsd")) {
                if (!e.has(req)) {
                    e.problem(req, "is required in engineering", "a positive number");
                }
            }
            return people == null || months == null || monthly == null ? null : new Engineering(people, months, monthly);
        });
        TrainingInput in = new TrainingInput(kind, t.number(Bound.TOKENS),
                t.number(Bound.FLOPS), t.number(Bound.ACCELERATOR_HOURS), acc,
                count, deadline, t.choice("precision", RequestReader.TRAINING_PRECISIONS), mfu(t),
                t.number(Bound.GOODPUT), t.whole(Bound.SEQUENCE_LENGTH),
                t.bool("activationCheckpointing"), t.choice("optimizer", RequestReader.OPTIMIZERS), t.whole(Bound.LORA_RANK),
                mode, offer, price, t.number(Bound.SPOT_RESTART_OVERHEAD),
                t.number(Bound.EXPERIMENTS_OVERHEAD), eng, t.number(Bound.RETRAIN_EVERY_MONTHS),
                t.number(Bound.RETRAIN_TOKENS), t.number(Bound.HARDWARE_LIFE_YEARS), efficiency(t));
        if (in.loraRank() != null && kind != Kind.LORA) {
            t.problem("loraRank", "only applies when kind is 'lora'", "set kind to 'lora' or remove loraRank");
        }
        if (in.retrainTokens() != null && in.retrainEveryMonths() == null) {
            t.problem("retrainTokens", "needs retrainEveryMonths", "set retrainEveryMonths");
        }
        if (acc != null && acc.custom() && price == null && acc.pricePerHourUsd() == null && mode != PricingMode.OWNED) {
            t.problem("pricePerAcceleratorHourUsd", "is required for a custom accelerator",
                    "a price in USD per accelerator-hour, or pricingMode 'owned' with the accelerator's purchaseUsd");
        }
        return in;
    }
}
