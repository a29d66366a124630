package dev.aicost.engine.inference;

import dev.aicost.catalog.EnergyProfile;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.engine.billing.Fleet;
import dev.aicost.engine.core.Hardware;
import dev.aicost.engine.core.ModelResolver;
import dev.aicost.engine.core.Notes;
import dev.aicost.engine.core.Num;
import dev.aicost.report.InferenceReport.TierReport;
import dev.aicost.report.InferenceReport;
import dev.aicost.report.Money;
import dev.aicost.request.InferenceInput.LatencyTarget;
import dev.aicost.request.InferenceInput.Tier;
import dev.aicost.request.InferenceInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;

/**
 * Service tiers ("balance cost and quality by customer tier"): each tier's requests get their own
 * latency target and, optionally, a smaller model. Two ways to serve them are priced over the
 * horizon: a fleet per tier, each sized for its own target (chained: the first fleet passes the other
 * tiers' requests on, as routing does), or, where every tier uses the same model, one shared fleet
 * held to the strictest target. The cheaper one is the estimate, and the report says which.
 */
public final class Tiers {
    private Tiers() {
    }

    static InferenceEstimator.Result estimate(InferenceEstimator inference, ModelResolver models, ModelSpec model,
            InferenceInput in, EnergyProfile energy, Hardware.Owned owned, String path, boolean withApis,
            double[] traffic, Notes notes) {
        List<Tier> tiers = in.tiers();
        int n = tiers.size();
        ModelSpec[] tierModels = new ModelSpec[n];
        boolean oneModel = true;
        for (int k = 0; k < n; k++) {
            Tier t = tiers.get(k);
            tierModels[k] = t.model() == null ? model : models.resolve(t.model(), path + ".tiers[" + k + "].model", notes);
            oneModel &= tierModels[k] == model || tierModels[k].equals(model); // a catalog row is itself
        }
        // Each tier on its own fleet; the first tier's explanations are kept aside (they describe the
        // section if the tiers get a fleet each).
        InferenceEstimator.Result[] alone = new InferenceEstimator.Result[n];
        Notes firstNotes = notes.aside();
        for (int k = 0; k < n; k++) {
            alone[k] = inference.estimate(tierModels[k], in.forTier(tiers.get(k)), energy, owned, path, false,
                    scaled(traffic, tiers.get(k).share()), k == 0 ? firstNotes : Notes.silent());
        }
        double operations = alone[0].fleet().pricing().operationsMonthlyUsd();
        Double hitRate = in.caching().cacheHitRate();
        Fleet chain = chain(alone, tiers, hitRate == null ? 0 : hitRate, operations);
        double[] separateMonths = chain.monthlyCosts(traffic);
        double separate = sum(separateMonths);

        LatencyTarget strictest = strictest(in.latencyTargetMs(), tiers);
        if (oneModel) {
            Notes sharedNotes = notes.aside();
            InferenceEstimator.Result r = inference.estimate(model, in.sharedAt(strictest), energy, owned, path,
                    withApis, traffic, sharedNotes);
            double sharedTotal = sum(r.monthlyCosts());
            if (sharedTotal <= separate && r.latencyTargetMet()) {
                notes.absorb(sharedNotes);
                notes.assume(path, ".tierFleet", "shared", () -> "one fleet held to the strictest tier's target "
                        + "serves every tier for $" + Money.usd(sharedTotal) + " over the horizon, against $"
                        + Money.usd(separate) + " for a fleet per tier; each tier's cost is its share of the "
                        + "fleet in proportion to what it would cost alone");
                return withTiers(r, "shared", sharedReports(r, alone, tiers, tierModels,
                        in.traffic().requestsPerDay()));
            }
        }
        // A fleet per tier: the first tier's run (with its explanations) describes the operating point.
        boolean sameModel = oneModel;
        InferenceEstimator.Result first = alone[0];
        notes.absorb(firstNotes);
        notes.assume(path, ".tierFleet", "separate", () -> "a fleet per tier, each sized for its own target, costs $"
                + Money.usd(separate) + " over the horizon" + (sameModel ? "; one shared fleet at the strictest "
                        + "target would cost more or miss it" : " (tiers use different models)") + "; the operating "
                + "point shown is the first tier's, each tier's is in inference.tiers");
        String[] instanceNames = new String[n];
        for (int k = 0; k < n; k++) {
            instanceNames[k] = inference.instanceName(alone[k].offer());
        }
        return separateResult(first, alone, instanceNames, chain, separateMonths, traffic[0], tiers, tierModels, in,
                notes);
    }

    /** Tier fleets chained like routing: each passes the later tiers' requests on; the cache acts once, first. */
    static Fleet chain(InferenceEstimator.Result[] alone, List<Tier> tiers, double cacheHitRate, double operations) {
        double[] passed = passedOn(tiers);
        Fleet next = null;
        for (int k = tiers.size() - 1; k >= 0; k--) {
            next = alone[k].fleet().routingTo(passed[k], k == 0 ? cacheHitRate : 0, k == 0 ? operations : 0, next);
        }
        return next;
    }

    /** The same chain of tier fleets run full (target utilisation 1) on one replica each, unless minReplicas was given. */
    static Fleet bareChain(Fleet f, boolean minGiven) {
        if (f == null) {
            return null;
        }
        return new Fleet(f.replica(), f.point(), f.workload().bare(minGiven), f.pricing(),
                bareChain(f.routed(), minGiven));
    }

    /** The share of the requests reaching each tier's fleet that it passes on to the later tiers. */
    public static double[] passedOn(List<Tier> tiers) {
        double[] passed = new double[tiers.size()];
        double rest = 0;
        for (int k = tiers.size() - 1; k >= 0; k--) {
            double share = tiers.get(k).share();
            passed[k] = rest / (share + rest);
            rest += share;
        }
        return passed;
    }

    /** The strictest of the tiers' targets, figure by figure (a tier without a target has the request's). */
    public static LatencyTarget strictest(LatencyTarget request, List<Tier> tiers) {
        Double ttft = null;
        Double tpot = null;
        Double e2e = null;
        for (Tier t : tiers) {
            LatencyTarget l = t.latencyTargetMs() != null ? t.latencyTargetMs() : request;
            if (l != null) {
                ttft = min(ttft, l.ttftMs());
                tpot = min(tpot, l.tpotMs());
                e2e = min(e2e, l.e2eMs());
            }
        }
        return ttft == null && tpot == null && e2e == null ? request : new LatencyTarget(ttft, tpot, e2e);
    }

    private static Double min(Double a, Double b) {
        return a == null ? b : b == null ? a : Double.valueOf(Math.min(a, b));
    }

    private static double[] scaled(double[] traffic, double share) {
        double[] out = new double[traffic.length];
        for (int m = 0; m < traffic.length; m++) {
            out[m] = traffic[m] * share;
        }
        return out;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    /** Shared fleet: each tier's part in proportion to what it would cost alone (the last takes the rounding). */
    private static List<TierReport> sharedReports(InferenceEstimator.Result r, InferenceEstimator.Result[] alone,
            List<Tier> tiers, ModelSpec[] tierModels, double requestsPerDay) {
        double monthly = r.report().cost().monthlyCostUsd();
        double weights = 0;
        for (InferenceEstimator.Result a : alone) {
            weights += a.monthlyCosts()[0];
        }
        double[] parts = new double[tiers.size()];
        double allocated = 0;
        for (int k = 0; k < tiers.size(); k++) {
            parts[k] = k == tiers.size() - 1 ? Num.money(monthly - allocated)
                    : Num.money(monthly * alone[k].monthlyCosts()[0] / weights);
            allocated += parts[k];
        }
        var p = r.report().point();
        return reports(tiers, tierModels, parts, requestsPerDay, k -> p.ttftMs(), k -> p.tpotMs(),
                k -> r.report().fleet().accelerators());
    }

    private static List<TierReport> reports(List<Tier> tiers, ModelSpec[] tierModels, double[] monthly,
            double requestsPerDay, IntToDoubleFunction ttft,
            IntToDoubleFunction tpot, IntUnaryOperator accelerators) {
        double[] perRequest = new double[tiers.size()];
        double cheapest = Double.MAX_VALUE;
        for (int k = 0; k < tiers.size(); k++) {
            perRequest[k] = monthly[k] / (requestsPerDay * tiers.get(k).share() * Num.DAYS_PER_MONTH);
            cheapest = Math.min(cheapest, perRequest[k]);
        }
        List<TierReport> out = new ArrayList<>();
        for (int k = 0; k < tiers.size(); k++) {
            Tier t = tiers.get(k);
            ModelSpec m = tierModels[k];
            out.add(new TierReport(t.name(), t.share(), m.id().equals("custom") ? m.name() : m.id(),
                    Num.sig(ttft.applyAsDouble(k)), Num.sig(tpot.applyAsDouble(k)), accelerators.applyAsInt(k),
                    monthly[k], Num.money(perRequest[k]),
                    cheapest > 0 ? Num.sig((perRequest[k] / cheapest - 1) * 100) : 0));
        }
        return out;
    }

    private static InferenceEstimator.Result withTiers(InferenceEstimator.Result r, String kind, List<TierReport> tiers) {
        return new InferenceEstimator.Result(r.report().withTiers(kind, tiers), r.fleet(), r.accelerator(), r.precision(),
                r.scaling(), r.pricingMode(), r.latencyTargetMet(), r.workload(), r.offer(), r.monthlyCosts());
    }

    /**
     * A fleet per tier: the section's totals are the chain's (traffic, accelerators, hours, money); its
     * operating point is the first tier's. Each tier's part is its own fleet plus its share of operations.
     */
    private static InferenceEstimator.Result separateResult(InferenceEstimator.Result first,
            InferenceEstimator.Result[] alone, String[] instanceNames, Fleet chain, double[] months,
            double firstMonthRequestsPerDay, List<Tier> tiers, ModelSpec[] tierModels, InferenceInput in, Notes notes) {
        double rpd = in.traffic().requestsPerDay();
        double operations = chain.pricing().operationsMonthlyUsd();
        double monthly = months[0];
        double[] parts = new double[tiers.size()];
        double allocated = 0;
        int replicas = 0;
        int accelerators = 0;
        double billed = 0; // whole instances, each tier's fleet on its own
        int per = chain.pricing().acceleratorsPerInstance();
        boolean oneShape = true; // every tier's fleet rents the same instance size
        Map<String, Integer> instancesByName = new LinkedHashMap<>();
        double hours = 0;
        boolean met = true;
        Fleet f = chain;
        double reaching = rpd; // requests per day reaching this tier's fleet
        for (int k = 0; k < tiers.size(); k++) {
            double own = f.ownCostUsd(reaching);
            parts[k] = k == tiers.size() - 1 ? Num.money(monthly - allocated)
                    : Num.money(own + operations * tiers.get(k).share());
            allocated += parts[k];
            replicas += f.peakReplicas(reaching);
            accelerators += f.peakReplicas(reaching) * f.replica().tp;
            int billedHere = (int) f.billedAccelerators(f.peakReplicas(reaching));
            int perHere = f.pricing().acceleratorsPerInstance();
            billed += billedHere;
            oneShape &= perHere == per;
            instancesByName.merge(instanceNames[k] == null ? perHere + "-accelerator instance" : instanceNames[k],
                    billedHere / perHere, Integer::sum);
            hours += f.acceleratorHoursPerMonth(reaching);
            met &= alone[k].latencyTargetMet();
            reaching *= f.routedTrafficShare();
            f = f.routed();
        }
        InferenceReport r = first.report();
        double served = rpd * (1 - chain.workload().cacheHitRate());
        var traffic = new InferenceReport.Traffic(Num.sig(rpd), Num.sig(served),
                Num.sig(served / Num.SECONDS_PER_DAY * chain.workload().peakToAverage()));
        var size = !oneShape ? mixedShapes(r.fleet(), replicas, accelerators, Num.sig(hours), (int) billed,
                instancesByName)
                : per <= 1 ? new InferenceReport.FleetSize(r.fleet().scaling(), replicas, accelerators,
                Num.sig(hours), r.fleet().utilization())
                : InferenceReport.FleetSize.onInstances(r.fleet().scaling(), replicas, accelerators, Num.sig(hours),
                        r.fleet().utilization(), (int) billed, per, r.fleet().instanceType());
        if (chain.pricing().serverless() == null && !chain.pricing().hostedApi()) {
            // What the headroom and second copies cost: the bill less the same tier fleets run full on one replica
            // each (or on the replicas the request asked for).
            Fleet bare = bareChain(chain, in.capacity().minReplicas() != null);
            size = size.withHeadroom(chain.workload().targetUtilization(),
                    Num.money(Math.max(0, monthly - bare.monthlyCosts(new double[] {firstMonthRequestsPerDay})[0])));
        }
        var c = r.cost();
        double share = monthly / Math.max(first.monthlyCosts()[0], 1e-9); // per-million figures scale with the bill
        var cost = new InferenceReport.Cost(c.pricingMode(), c.offer(), c.pricePerAcceleratorHourUsd(), Num.money(monthly),
                Num.money(monthly / (rpd * Num.DAYS_PER_MONTH)),
                Num.money(c.costPerMillionInputTokensUsd() * share * tiers.get(0).share()),
                Num.money(c.costPerMillionOutputTokensUsd() * share * tiers.get(0).share()));
        var e = r.economics();
        var economics = new InferenceReport.Economics(e.workload(), Num.money(monthly - operations), Num.money(operations),
                null, e.ownedCost(), null, e.coldStartMs(), e.coldStartShare());
        if (!met) {
            notes.warn(() -> "inference.tiers: a tier misses its latency target on " + first.accelerator().id() + ".");
        }
        var op = r.point();
        var point = new InferenceReport.OperatingPoint(op.tensorParallel(), op.batchSize(), op.maxBatchSize(),
                op.boundBy(), op.tokensPerSecondPerAccelerator(), op.requestsPerSecondPerReplica(), op.ttftMs(),
                op.tpotMs(), op.e2eMs(), met, op.weightsGbPerAccelerator(), op.kvCacheBytesPerToken());
        InferenceReport report = new InferenceReport(r.accelerator(), r.precision(), point, traffic, size, cost, null,
                List.of(), economics).withTiers("separate", reports(tiers, tierModels, parts, rpd,
                        k -> alone[k].report().point().ttftMs(), k -> alone[k].report().point().tpotMs(),
                        k -> alone[k].report().fleet().accelerators()));
        return new InferenceEstimator.Result(report, chain, first.accelerator(), first.precision(), first.scaling(),
                first.pricingMode(), met, first.workload(), first.offer(), months);
    }

    /**
     * The tiers' fleets on instances of different sizes (one tier's replicas fit a one-GPU instance, another's
     * need eight): the whole instances of every size, named with their counts ("2 × p5.48xlarge + 3 ×
     * p5.4xlarge"); no single {@code acceleratorsPerInstance}.
     */
    private static InferenceReport.FleetSize mixedShapes(InferenceReport.FleetSize first, int replicas,
            int accelerators, double hours, int billed, Map<String, Integer> instancesByName) {
        int instances = 0;
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Integer> e : instancesByName.entrySet()) {
            instances += e.getValue();
            names.add(e.getValue() + " × " + e.getKey());
        }
        return new InferenceReport.FleetSize(first.scaling(), replicas, accelerators, hours, first.utilization(),
                instances, null, billed, String.join(" + ", names), billed - accelerators, null, null,
                Math.round((billed - accelerators) * 100.0 / instances) / 100.0);
    }
}
