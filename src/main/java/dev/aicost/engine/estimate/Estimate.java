package dev.aicost.engine.estimate;

import dev.aicost.catalog.EnergyProfile;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.engine.core.Hardware;
import dev.aicost.engine.core.Num;
import dev.aicost.engine.inference.InferenceEstimator;
import dev.aicost.engine.lifecycle.Lifecycle;
import dev.aicost.engine.training.TrainingEstimator;
import dev.aicost.report.CostReport;

/**
 * One run of the engine: the report, and the typed facts it was computed from, which the advisor
 * works with (it never reads the report's strings back) and which a what-if run may reuse.
 *
 * @param traffic requests per day in each serving month from {@code servingStartMonth} on (empty
 *        without inference)
 */
public record Estimate(CostReport report, ModelSpec model, EnergyProfile energy, TrainingEstimator.Result training,
        InferenceEstimator.Result inference, int horizonMonths, int servingStartMonth, double[] traffic,
        double priceDeclinePerYear, Hardware.Owned owned) {

    public double totalUsd() {
        return report.lifecycle().totalUsd();
    }

    /** Lifecycle spend of one phase. */
    public double phaseUsd(Phase phase) {
        return phase == Phase.TRAINING ? report.lifecycle().trainingUsd() : report.lifecycle().inferenceUsd();
    }

    /** Why a lever's result may not be taken (a met latency target missed, a fitting plan no longer fits), or null. */
    public String refusal(Estimate applied) {
        if (inference != null && applied.inference() != null && inference.latencyTargetMet()
                && !applied.inference().latencyTargetMet()) {
            var p = applied.inference().report().point();
            return "breaks the latency target (TTFT " + Num.show(Num.sig(p.ttftMs(), 3)) + " ms, TPOT "
                    + Num.show(Num.sig(p.tpotMs(), 3)) + " ms)";
        }
        if (training != null && applied.training() != null && training.memory().fits()
                && !applied.training().memory().fits()) {
            return "the training state no longer fits in " + applied.training().report().cluster().accelerators()
                    + " accelerators";
        }
        return null;
    }
}
