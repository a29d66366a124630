package dev.aicost.engine.advice;

import dev.aicost.engine.core.Num;
import dev.aicost.report.LifecycleReport;
import dev.aicost.report.Money;
import dev.aicost.report.Recommendation;
import dev.aicost.request.EstimateRequest;
import dev.aicost.request.InferenceInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Where to focus, by the decision rules of the industry overview the product is built on
 * (docs/advice.md): each reason quotes its rule and the number that triggered it.
 */
public final class Advisor {
    static final double INFERENCE_RATIO_RULE = 5.0;
    static final double LATENCY_RULE_MS = 100.0;
    static final double MILLIONS_OF_USERS = 1e6;
    static final double FREQUENT_RETRAIN_MONTHS = 3.0;

    public static Recommendation focus(EstimateRequest req, LifecycleReport life) {
        List<String> inference = new ArrayList<>();
        List<String> training = new ArrayList<>();
        double t = life.trainingUsd();
        double i = life.inferenceUsd();
        if (req.inference() != null && req.training() == null) {
            inference.add("Only serving is estimated: inference is 100 % of the $" + Money.usd(i) + " over "
                    + life.horizonMonths() + " months (rule: optimise where the spend is).");
        } else if (t > 0 && i >= INFERENCE_RATIO_RULE * t) {
            inference.add("Inference costs " + ratio(i / t) + "× training over " + life.horizonMonths()
                    + " months ($" + Money.usd(i) + " vs $" + Money.usd(t) + "; rule: inference ≥ 5× training).");
        }
        InferenceInput inf = req.inference();
        if (inf != null && inf.latencyTargetMs() != null && inf.latencyTargetMs().any()
                && inf.latencyTargetMs().tightestMs() < LATENCY_RULE_MS) {
            inference.add("A latency target of " + Num.show(inf.latencyTargetMs().tightestMs())
                    + " ms is latency-critical (rule: targets under 100 ms).");
        }
        if (inf != null) {
            if (inf.traffic().users() != null && inf.traffic().users() >= MILLIONS_OF_USERS) {
                inference.add(Num.show(inf.traffic().users()) + " users (rule: scaling to millions of users).");
            } else if (inf.traffic().users() == null && inf.traffic().requestsPerDay() >= MILLIONS_OF_USERS) {
                inference.add(Num.show(inf.traffic().requestsPerDay())
                        + " requests per day, millions-of-users scale (rule: "
                        + "scaling to millions of users; no user count given, requests per day used instead).");
            }
        }
        if (req.training() != null && req.inference() == null) {
            training.add("Only training is estimated: training is 100 % of the $" + Money.usd(t)
                    + " (rule: optimise where the spend is).");
        }
        if (req.training() != null && req.training().retrainEveryMonths() != null
                && req.training().retrainEveryMonths() <= FREQUENT_RETRAIN_MONTHS) {
            training.add("Retraining every " + Num.show(req.training().retrainEveryMonths()) + " months (rule: "
                    + "frequent fine-tuning or retraining).");
        }
        if (req.stage() == EstimateRequest.Stage.RESEARCH) {
            training.add("Research stage (rule: developing new models, research and experimentation dominate).");
        } else if (req.training() != null && req.training().experimentsOverhead() != null
                && req.training().experimentsOverhead() >= 1.0) {
            training.add("Experiments cost " + Num.show(req.training().experimentsOverhead()) + "× the final run "
                    + "(rule: research and experimentation dominate).");
        }
        if (t > 0 && i > 0 && t >= i) {
            training.add("Training is " + Money.pct(t / (t + i)) + " of the lifecycle spend (rule: optimise where the "
                    + "spend is).");
        }
        List<String> reasons = new ArrayList<>();
        String focus;
        if (Boolean.TRUE.equals(req.platform())) {
            focus = "BALANCED";
            reasons.add("A production AI platform with both phases (rule: balance both when building a platform with "
                    + "continuous model updates).");
            reasons.addAll(inference);
            reasons.addAll(training);
        } else if (!inference.isEmpty() && !training.isEmpty()) {
            focus = "BALANCED";
            reasons.add("Rules for both phases fired (rule: balance both when both development velocity and "
                    + "operational efficiency matter).");
            reasons.addAll(inference);
            reasons.addAll(training);
        } else if (!inference.isEmpty()) {
            focus = "INFERENCE";
            reasons.addAll(inference);
        } else if (!training.isEmpty()) {
            focus = "TRAINING";
            reasons.addAll(training);
        } else {
            focus = "BALANCED";
            reasons.add("No focus rule fired: inference is " + Money.pct(life.inferenceShare()) + " of the spend, "
                    + "training " + Money.pct(1 - life.inferenceShare()) + " (rules: inference ≥ 5× training, latency "
                    + "under 100 ms, millions of users; frequent retraining or research).");
        }
        return new Recommendation(focus, List.copyOf(reasons));
    }

    private static String ratio(double r) {
        return Num.show(Num.sig(r, 3));
    }
}
