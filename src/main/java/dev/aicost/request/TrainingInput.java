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

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copies a training input with some fields changed (the advisor's what-if runs). */
    public static final class Builder {
        private Kind kind;
        private Double tokens;
        private Double flops;
        private Double acceleratorHours;
        private AcceleratorInput accelerator;
        private Integer accelerators;
        private Double deadlineDays;
        private Precision precision;
        private Double mfu;
        private Double goodput;
        private Integer sequenceLength;
        private Boolean activationCheckpointing;
        private Optimizer optimizer;
        private Integer loraRank;
        private PricingMode pricingMode;
        private String offer;
        private Double pricePerAcceleratorHourUsd;
        private Double spotRestartOverhead;
        private Double experimentsOverhead;
        private Engineering engineering;
        private Double retrainEveryMonths;
        private Double retrainTokens;
        private Double hardwareLifeYears;

        Builder(TrainingInput t) {
            kind = t.kind; tokens = t.tokens; flops = t.flops; acceleratorHours = t.acceleratorHours;
            accelerator = t.accelerator; accelerators = t.accelerators; deadlineDays = t.deadlineDays;
            precision = t.precision; mfu = t.mfu; goodput = t.goodput; sequenceLength = t.sequenceLength;
            activationCheckpointing = t.activationCheckpointing; optimizer = t.optimizer; loraRank = t.loraRank;
            pricingMode = t.pricingMode; offer = t.offer; pricePerAcceleratorHourUsd = t.pricePerAcceleratorHourUsd;
            spotRestartOverhead = t.spotRestartOverhead; experimentsOverhead = t.experimentsOverhead;
            engineering = t.engineering; retrainEveryMonths = t.retrainEveryMonths; retrainTokens = t.retrainTokens;
            hardwareLifeYears = t.hardwareLifeYears;
        }

        public Builder precision(Precision v) { precision = v; return this; }
        public Builder pricingMode(PricingMode v) { pricingMode = v; return this; }
        public Builder activationCheckpointing(Boolean v) { activationCheckpointing = v; return this; }
        public Builder accelerators(Integer v) { accelerators = v; return this; }
        public Builder tokens(Double v) { tokens = v; return this; }
        public Builder accelerator(AcceleratorInput v) { accelerator = v; return this; }
        public Builder pricePerAcceleratorHourUsd(Double v) { pricePerAcceleratorHourUsd = v; return this; }
        public Builder mfu(Double v) { mfu = v; return this; }
        public Builder deadlineDays(Double v) { deadlineDays = v; return this; }

        public TrainingInput build() {
            return new TrainingInput(kind, tokens, flops, acceleratorHours, accelerator, accelerators, deadlineDays,
                    precision, mfu, goodput, sequenceLength, activationCheckpointing, optimizer, loraRank, pricingMode,
                    offer, pricePerAcceleratorHourUsd, spotRestartOverhead, experimentsOverhead, engineering,
                    retrainEveryMonths, retrainTokens, hardwareLifeYears);
        }
    }
}
