package dev.aicost.engine.training;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.catalog.Precision;
import dev.aicost.engine.core.Notes;
import dev.aicost.engine.core.Num;
import dev.aicost.report.TrainingReport.MemoryPlan;
import dev.aicost.request.TrainingInput.Kind;
import dev.aicost.request.TrainingInput.Optimizer;
import dev.aicost.request.TrainingInput;

/**
 * Where the training state lives: bytes per trainable parameter (weights, gradients, optimizer
 * states), activations per sequence, and the fewest accelerators and the sharding that hold them.
 */
final class MemoryPlanner {
    static final int DEFAULT_LORA_RANK = 16;
    /** Share of accelerator memory the framework can use (the rest: runtime, fragmentation, buffers). */
    static final double USABLE_MEMORY = 0.9;

    private MemoryPlanner() {
    }

    static MemoryPlan plan(ModelSpec model, Kind kind, Precision precision, TrainingInput in, Accelerator acc,
            int seq, boolean ckpt, Notes notes) {
        Optimizer opt = in.optimizer() != null ? in.optimizer() : Optimizer.ADAM;
        boolean fp32 = precision == Precision.FP32 || precision == Precision.TF32;
        double weightBytes = fp32 ? 4 : 2;
        double stateBytes = switch (opt) {
            case ADAM -> fp32 ? 8 : 12;
            case ADAM_8BIT -> fp32 ? 2 : 6;
            case SGD -> fp32 ? 4 : 8;
        };
        double perTrainable = weightBytes * 2 + stateBytes;
        double trainable;
        double states;
        if (kind == Kind.LORA) {
            int rank = notes.orDefault(in.loraRank(), DEFAULT_LORA_RANK, "training.loraRank",
                    "a common LoRA rank; adapters on the four attention projections");
            trainable = 8.0 * rank * model.hiddenSize() * model.layers();
            states = model.parameters() * weightBytes + trainable * perTrainable;
            notes.assume("training.memory", Notes.text(() -> "frozen weights " + Num.show(weightBytes)
                    + " B/param + adapters " + Num.show(perTrainable) + " B/param"), "LoRA keeps the base model frozen: no gradients or "
                    + "optimizer state for it (Hu et al. 2021)");
        } else {
            trainable = model.parameters();
            states = trainable * perTrainable;
            notes.assume("training.memory", Notes.text(() -> Num.show(perTrainable) + " bytes per parameter"), () -> opt.wireName()
                    + (fp32 ? " in fp32: weights 4 + gradients 4 + optimizer " + Num.show(stateBytes)
                            : " with mixed precision: bf16 weights 2 + gradients 2 + fp32 master and optimizer "
                                    + "states " + Num.show(stateBytes)) + " (ZeRO paper, Rajbhandari et al. 2020)");
        }
        // Activations of one sequence: 34·s·d bytes per layer with flash attention (Korthikanti et al. 2022);
        // full checkpointing keeps only each layer's input (2·s·d) plus one layer being recomputed.
        double perLayer = 34.0 * seq * model.hiddenSize();
        double activations = ckpt ? 2.0 * seq * model.hiddenSize() * model.layers() + perLayer
                : perLayer * model.layers();
        double usable = acc.memoryBytes() * USABLE_MEMORY;
        int bestN = Integer.MAX_VALUE;
        int bestTp = 1;
        for (int tp : new int[] {1, 2, 4, 8}) {
            double act = activations / tp;
            if (act > usable * 0.6) {
                continue;
            }
            int n = (int) Math.ceil(states / (usable - act));
            n = Math.max(tp, (int) Math.ceil(n / (double) tp) * tp);
            if (n < bestN) {
                bestN = n;
                bestTp = tp;
            }
        }
        String strategy;
        if (bestN == Integer.MAX_VALUE) {
            bestTp = 8;
            bestN = (int) Math.min(Integer.MAX_VALUE / 2, Math.ceil((states + activations) / usable / 8) * 8);
            strategy = "tensor parallel 8 + pipeline and sequence parallelism: one sequence's activations ("
                    + Num.show(activations / 1e9) + " GB) exceed an accelerator even split 8 ways";
        } else if (bestN == 1) {
            strategy = "data parallel (DDP): the whole training state fits on one accelerator";
        } else if (bestTp == 1) {
            strategy = "ZeRO-3/FSDP: shard weights, gradients and optimizer states over at least " + bestN
                    + " accelerators";
        } else {
            strategy = "tensor parallel " + bestTp + " within a node + ZeRO-3/FSDP or pipeline parallel across "
                    + "nodes, at least " + bestN + " accelerators";
        }
        return new MemoryPlan(Num.sig(trainable), perTrainable, Num.sig(states / 1e9),
                Num.sig(activations / bestTp / 1e9), bestN, bestTp, strategy, true);
    }
}
