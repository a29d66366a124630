package dev.aicost.request;

import dev.aicost.catalog.Precision;
import dev.aicost.catalog.PricingMode;

/** The training plan as sent; nulls are defaults the engine fills in and states. */
public record TrainingInput(
        Kind kind,
        Double tokens,
        Double flops,
        Double acceleratorHours,
        AcceleratorInput accelerator,
        Integer accelerators,
        Double deadlineDays,
        Precision precision,
        Double mfu,
        Double goodput,
        Integer sequenceLength,
        Boolean activationCheckpointing,
        Optimizer optimizer,
        Integer loraRank,
        PricingMode pricingMode,
        String offer,
        Double pricePerAcceleratorHourUsd,
        Double spotRestartOverhead,
        Double experimentsOverhead,
        Engineering engineering,
        Double retrainEveryMonths,
        Double retrainTokens,
        Double hardwareLifeYears) {

    /** Pretraining from scratch, full fine-tuning, or LoRA (parameter-efficient) fine-tuning. */
    public enum Kind {
        PRETRAINING("pretraining"), FULL_FINETUNE("full-finetune"), LORA("lora");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** Optimizer state kept per trainable parameter. */
    public enum Optimizer {
        ADAM("adam"), ADAM_8BIT("adam-8bit"), SGD("sgd");

        private final String wireName;

        Optimizer(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** People working on the training effort. */
    public record Engineering(int people, double months, double monthlyCostUsd) {
    }
}
