package dev.aicost.engine;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.ModelError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Leave-one-source-out errors of the calibration cases: every case of a source (a publisher's tables, a
 * family of model cards) is estimated as if that source had never been seen. The engine's constants are
 * not all refitted; the ones a single source settles are:
 * <ul>
 * <li>the level of each figure (the fits make the cases' mean error about zero): without the source, the
 * engine would sit where the other sources' cases put it, so its cases' ratios are divided by the
 * geometric mean of the others';</li>
 * <li>a hardware family's tuned training ceiling, when every tuned figure on that family comes from the
 * held-out source (MaxText for TPUs, TorchTitan for A100, NeMo/Megatron-Bridge for Hopper and Blackwell):
 * the ceiling falls back to the prior an unmeasured accelerator gets, the geometric mean of the other
 * families' ceilings, refitted without the source too; hours scale with 1/ceiling;</li>
 * <li>an accelerator's serving efficiency when its only serving figure is the held-out source's (MI300X's
 * 0.3 from the Oracle vLLM run): it falls back to 1, and throughput scales with it.</li>
 * </ul>
 * The width, parallelism and mixture-of-experts laws keep their fitted constants: these errors are a
 * lower bound on a full refit's. A case whose own hardware constant fell back to its prior is outside
 * the calibrated envelope in its fold: that is the error a request on an uncalibrated accelerator sees.
 */
final class OutOfSample {
    private OutOfSample() {
    }

    /** One case's error out of sample, and whether its hardware constant fell back to a prior. */
    record Held(CalibrationTableTest.Case c, String source, double ratio, boolean outside) {
    }

    /** The publisher a case comes from: its cases are held out together. */
    static String source(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        String[][] keys = {{"tensorrt-llm", "TensorRT-LLM"}, {"mlcommons", "MLPerf"}, {"nim", "NVIDIA NIM"},
            {"oracle", "Oracle Cloud (vLLM)"}, {"lmdeploy", "LMDeploy"}, {"vllm", "vLLM"}, {"maxtext", "MaxText"},
            {"nemo", "NVIDIA NeMo / Megatron-Bridge"}, {"megatron", "NVIDIA NeMo / Megatron-Bridge"},
            {"torchtitan", "TorchTitan"}, {"bloom", "BigScience"}, {"mosaicml", "MosaicML"}, {"tii", "TII"},
            {"falcon", "TII"}, {"deepseek", "DeepSeek"}, {"llama", "Meta"}, {"touvron", "Meta"}};
        for (String[] k : keys) {
            if (s.contains(k[0])) {
                return k[1];
            }
        }
        return text;
    }

    /** The family whose tuned ceiling one fit settles: chips of one design share it. */
    static String family(String accelerator) {
        if (accelerator.startsWith("tpu-")) {
            return "tpu";
        }
        if (accelerator.startsWith("h100") || accelerator.startsWith("h800") || accelerator.startsWith("h200")) {
            return "hopper";
        }
        if (accelerator.matches("g?b[0-9]+")) {
            return "blackwell"; // B200, B300 and the GB200 rack's GPUs: one design, one fitted ceiling
        }
        return accelerator.replaceAll("-.*", "");
    }

    static List<Held> held(List<CalibrationTableTest.Case> cases) {
        List<Held> out = new ArrayList<>();
        for (CalibrationTableTest.Case c : cases) {
            String held = source(c.source());
            double othersLog = 0;
            int others = 0;
            for (CalibrationTableTest.Case o : cases) {
                if (o.figure() == c.figure() && !source(o.source()).equals(held)) {
                    othersLog += Math.log(o.ratio());
                    others++;
                }
            }
            double ratio = others == 0 ? c.ratio() : c.ratio() / Math.exp(othersLog / others);
            boolean outside = false;
            Accelerator acc = Fixtures.ENGINE.catalog().accelerator(c.accelerator()).orElseThrow();
            if (c.figure() == ModelError.Figure.TRAINING_TUNED && acc.trainingCeiling() != null
                    && onlySource(cases, held, o -> o.figure() == ModelError.Figure.TRAINING_TUNED
                            && family(o.accelerator()).equals(family(c.accelerator())))) {
                ratio *= acc.trainingCeiling() / priorCeiling(cases, held);
                outside = true;
            }
            boolean serving = c.figure() == ModelError.Figure.SERVING_THROUGHPUT
                    || c.figure() == ModelError.Figure.SERVING_LATENCY;
            // An accelerator's serving share on a stack is settled by the serving cases on it that ran that stack.
            boolean tuned = "tuned".equals(InferenceCalibrationTest.stackOf(c.source()));
            double share = acc.servingEfficiency(tuned);
            if (serving && share < 1
                    && onlySource(cases, held, o -> o.accelerator().equals(c.accelerator())
                            && "tuned".equals(InferenceCalibrationTest.stackOf(o.source())) == tuned
                            && (o.figure() == ModelError.Figure.SERVING_THROUGHPUT
                                    || o.figure() == ModelError.Figure.SERVING_LATENCY))) {
                // Without that source the engine falls back: a tuned share to the part's typical one, a typical share
                // to 1. Throughput scales with the share, latency with its inverse.
                double prior = tuned && acc.tunedServingShare() != null ? acc.servingEfficiency() : 1.0;
                ratio = c.figure() == ModelError.Figure.SERVING_THROUGHPUT ? ratio * prior / share
                        : ratio * share / prior;
                outside = true;
            }
            out.add(new Held(c, held, ratio, outside));
        }
        return out;
    }

    /** The prior ceiling without {@code source}: the geometric mean of the families the other sources measured. */
    static double priorCeiling(List<CalibrationTableTest.Case> cases, String source) {
        java.util.Map<String, Double> ceilings = new java.util.TreeMap<>();
        for (CalibrationTableTest.Case o : cases) {
            if (o.figure() == ModelError.Figure.TRAINING_TUNED && !source(o.source()).equals(source)) {
                ceilings.put(family(o.accelerator()),
                        Fixtures.ENGINE.catalog().accelerator(o.accelerator()).orElseThrow().trainingCeiling());
            }
        }
        return Math.exp(ceilings.values().stream().mapToDouble(Math::log).average().orElseThrow());
    }

    /** Whether every case that settles a constant (those {@code settles} picks) comes from {@code source}. */
    private static boolean onlySource(List<CalibrationTableTest.Case> cases, String source,
            java.util.function.Predicate<CalibrationTableTest.Case> settles) {
        Set<String> sources = new HashSet<>();
        for (CalibrationTableTest.Case o : cases) {
            if (settles.test(o)) {
                sources.add(source(o.source()));
            }
        }
        return sources.equals(Set.of(source));
    }
}
