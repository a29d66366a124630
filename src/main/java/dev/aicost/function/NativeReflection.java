package dev.aicost.function;

import dev.aicost.report.ActualsReport;
import dev.aicost.report.ComparisonOption;
import dev.aicost.report.HostedApiReport;
import dev.aicost.report.RentalReport;
import dev.aicost.report.Assumption;
import dev.aicost.report.BestPlan;
import dev.aicost.report.CatalogInfo;
import dev.aicost.report.CostReport;
import dev.aicost.report.InferenceReport;
import dev.aicost.report.LifecycleReport;
import dev.aicost.report.ModelSummary;
import dev.aicost.report.Optimization;
import dev.aicost.report.OwnedCost;
import dev.aicost.report.Range;
import dev.aicost.report.Recommendation;
import dev.aicost.report.TrainingReport;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every type returned to callers, registered for the native image. The report is written by hand
 * (ReportWriter) and Funqy registers the {@code @Funq} return type itself; listing the whole report
 * tree here as well keeps the native build safe if either changes (a test checks the list is complete).
 */
@RegisterForReflection(targets = {
    CostReport.class, ModelSummary.class, CatalogInfo.class, TrainingReport.class,
    TrainingReport.TrainingBreakdown.class, TrainingReport.Work.class, TrainingReport.Cluster.class,
    TrainingReport.Duration.class, TrainingReport.Pricing.class, TrainingReport.Energy.class, TrainingReport.MemoryPlan.class, TrainingReport.Retraining.class,
    InferenceReport.class, InferenceReport.OperatingPoint.class, InferenceReport.Traffic.class,
    InferenceReport.FleetSize.class, InferenceReport.Cost.class, InferenceReport.RoutingReport.class, InferenceReport.HostedApiComparison.class,
    LifecycleReport.class, LifecycleReport.Month.class, LifecycleReport.Scale.class, Recommendation.class,
    InferenceReport.Economics.class, InferenceReport.Capacity.class, OwnedCost.class,
    Optimization.class, BestPlan.class, Assumption.class, Range.class,
    TrainingReport.TrainingRanges.class, InferenceReport.InferenceRanges.class, LifecycleReport.LifecycleRanges.class,
    LifecycleReport.MonthRange.class, LifecycleReport.Version.class,
    ActualsReport.class, ActualsReport.Variance.class, ComparisonOption.class, RentalReport.class, HostedApiReport.class, CostReport.Links.class, RentalReport.RentalOffer.class,
    InferenceReport.TierReport.class})
public final class NativeReflection {
    private NativeReflection() {
    }
}
