package dev.aicost.request;

import dev.aicost.catalog.Precision;
import dev.aicost.catalog.PricingMode;
import dev.aicost.catalog.WireName;

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
        Double hardwareLifeYears,
        Efficiency efficiency) {

    /**
     * TYPICAL: what published full training runs achieved (production stacks, failures and restarts).
     * TUNED: the steady state of a tuned framework (NeMo/Megatron, MaxText, TorchTitan benchmark tables).
     */
    public enum Efficiency implements WireName {
        TYPICAL, TUNED
    }

    /** The same run at another efficiency (and, where given, goodput). */
    public TrainingInput withEfficiency(Efficiency v, Double goodputKept) {
        return new TrainingInput(kind, tokens, flops, acceleratorHours, accelerator, accelerators, deadlineDays,
                precision, mfu, goodputKept, sequenceLength, activationCheckpointing, optimizer, loraRank, pricingMode,
                offer, pricePerAcceleratorHourUsd, spotRestartOverhead, experimentsOverhead, engineering,
                retrainEveryMonths, retrainTokens, hardwareLifeYears, v);
    }

    // What-if copies: the advisor changes a validated request by value, never through JSON.

    /** The same run at another precision. */
    public TrainingInput withPrecision(Precision v) {
        return new TrainingInput(kind, tokens, flops, acceleratorHours, accelerator, accelerators, deadlineDays, v,
                mfu, goodput, sequenceLength, activationCheckpointing, optimizer, loraRank, pricingMode, offer,
                pricePerAcceleratorHourUsd, spotRestartOverhead, experimentsOverhead, engineering, retrainEveryMonths,
                retrainTokens, hardwareLifeYears, efficiency);
    }

    /** The same run bought another way. */
    public TrainingInput withPricingMode(PricingMode v) {
        return new TrainingInput(kind, tokens, flops, acceleratorHours, accelerator, accelerators, deadlineDays,
                precision, mfu, goodput, sequenceLength, activationCheckpointing, optimizer, loraRank, v, offer,
                pricePerAcceleratorHourUsd, spotRestartOverhead, experimentsOverhead, engineering, retrainEveryMonths,
                retrainTokens, hardwareLifeYears, efficiency);
    }

    /** The same run rented from another catalog offer (another provider). */
    public TrainingInput withOffer(String v) {
        return new TrainingInput(kind, tokens, flops, acceleratorHours, accelerator, accelerators, deadlineDays,
                precision, mfu, goodput, sequenceLength, activationCheckpointing, optimizer, loraRank, pricingMode, v,
                pricePerAcceleratorHourUsd, spotRestartOverhead, experimentsOverhead, engineering, retrainEveryMonths,
                retrainTokens, hardwareLifeYears, efficiency);
    }

    /** The same run with or without full activation recomputation. */
    public TrainingInput withActivationCheckpointing(Boolean v) {
        return new TrainingInput(kind, tokens, flops, acceleratorHours, accelerator, accelerators, deadlineDays,
                precision, mfu, goodput, sequenceLength, v, optimizer, loraRank, pricingMode, offer,
                pricePerAcceleratorHourUsd, spotRestartOverhead, experimentsOverhead, engineering, retrainEveryMonths,
                retrainTokens, hardwareLifeYears, efficiency);
    }

    /** Pretraining from scratch, full fine-tuning, or LoRA (parameter-efficient) fine-tuning. */
    public enum Kind implements WireName {
        PRETRAINING, FULL_FINETUNE, LORA
    }

    /** Optimizer state kept per trainable parameter. */
    public enum Optimizer implements WireName {
        ADAM, ADAM_8BIT, SGD
    }

    /** People working on the training effort. */
    public record Engineering(int people, double months, double monthlyCostUsd) {
    }
}
