package dev.aicost.engine.inference;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.EnergyProfile;
import dev.aicost.catalog.HostedApi;
import dev.aicost.catalog.PricingMode;
import dev.aicost.catalog.ServerlessOffer;
import dev.aicost.engine.billing.CommittedBaseline;
import dev.aicost.engine.billing.Fleet;
import dev.aicost.engine.billing.HostedApis;
import dev.aicost.engine.billing.Serverless;
import dev.aicost.engine.core.Hardware;
import dev.aicost.engine.core.Notes;
import dev.aicost.engine.core.Num;
import dev.aicost.engine.serving.ServingModel;
import dev.aicost.report.InferenceReport;
import dev.aicost.request.InferenceInput.Scaling;
import dev.aicost.request.InferenceInput;
import dev.aicost.request.InvalidRequestException;
import dev.aicost.engine.serving.DailyShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a serving fleet is bought: pay-as-you-go, a committed baseline with burst, serverless workers
 * or a hosted API per request; and the people who run a self-hosted fleet.
 */
final class ServingPrices {
    static final double DEFAULT_OPERATIONS_PEOPLE = 0.25;
    /** $132,270 a year ÷ 12 ÷ 0.70 (BLS; see {@link #operations}). */
    static final double OPERATIONS_COST_PER_PERSON_USD = 15_750;

    private final Hardware hardware;

    ServingPrices(Hardware hardware) {
        this.hardware = hardware;
    }

    /**
     * How the fleet is paid for: pay-as-you-go; a committed baseline (reservation, savings plan or
     * owned hardware) for its whole term with the rest bursting at {@code burstPricingMode}; or a
     * hosted API per request. Operations are priced every month a self-hosted fleet runs.
     */
    Fleet.Pricing fleet(InferenceInput in, HostedApi hosted, HostedApis.Workload apiWorkload,
            Accelerator acc, PricingMode mode, Hardware.Price price, Hardware.Owned owned, Scaling scaling,
            EnergyProfile energy, String path, Notes notes) {
        Fleet.Pricing p = fleetPricing(in, hosted, apiWorkload, acc, mode, price, owned, scaling, energy, path, notes);
        // A rented offer is billed in whole instances (owned hardware is priced per accelerator it holds).
        var offer = price.offer() == null || mode == PricingMode.OWNED || hosted != null ? null
                : hardware.catalog().offer(price.offer()).orElse(null);
        if (offer != null && offer.acceleratorsPerInstance() > 1) {
            notes.assume(path, ".instances", offer.instance(), () -> "offer '" + offer.id() + "' rents "
                    + offer.acceleratorsPerInstance() + " × " + acc.id() + " per instance: replicas are packed onto "
                    + "whole instances and an instance's unused accelerators are billed too");
            return p.inInstancesOf(offer.acceleratorsPerInstance());
        }
        return p;
    }

    private Fleet.Pricing fleetPricing(InferenceInput in, HostedApi hosted, HostedApis.Workload apiWorkload,
            Accelerator acc, PricingMode mode, Hardware.Price price, Hardware.Owned owned, Scaling scaling,
            EnergyProfile energy, String path, Notes notes) {
        if (hosted != null) {
            notes.assume(path, ".operations", 0, () -> "bought from " + hosted.id() + ": no fleet to run ("
                    + hosted.source().cite() + ")");
            return new Fleet.Pricing(0, 0, null, Double.NaN, 0, HostedApis.perRequestUsd(hosted, apiWorkload));
        }
        double operations = operations(in.service().operations(), path, notes);
        int term = switch (mode) {
            case COMMIT_1Y -> 12;
            case COMMIT_3Y -> 36;
            case OWNED -> (int) Math.round(owned.lifeYears() * 12);
            default -> 0;
        };
        if (term == 0) {
            return new Fleet.Pricing(price.perHourUsd(), 0, null, Double.NaN, operations, Double.NaN);
        }
        if (scaling == Scaling.ALWAYS_ON) {
            return new Fleet.Pricing(price.perHourUsd(), term, null, price.perHourUsd(), operations, Double.NaN);
        }
        PricingMode burstMode = notes.orDefault(in.service().burstPricingMode(), PricingMode.ON_DEMAND,
                path, ".burstPricingMode", "capacity above the committed baseline is rented on demand");
        if (burstMode == PricingMode.SPOT) {
            notes.warn(() -> path + ": bursting on spot capacity: spot replicas can be reclaimed at short notice, "
                    + "so peak traffic may queue while they are replaced.");
        }
        Hardware.Price burst = hardware.burst(acc, burstMode, in.pricing().offer(), price.perHourUsd(), energy,
                path + ".burstPricePerAcceleratorHourUsd", notes);
        notes.assume(path, ".capacity", mode.wireName() + " baseline + " + burstMode.wireName() + " burst", () ->
                "a commitment bills every hour of its " + term + "-month term, used or not, and cannot shrink "
                        + "within it: the baseline that costs least over each term's daily shape and traffic is "
                        + "committed, the rest bursts (a term cut by the horizon is counted for its months inside)");
        return new Fleet.Pricing(price.perHourUsd(), term, burstMode, burst.perHourUsd(), operations, Double.NaN);
    }

    /**
     * The serverless offer for the accelerator that bills least in the first serving month (the
     * per-second rate and the idle timeout both count), or a clear refusal.
     */
    ServerlessOffer serverlessOffer(InferenceInput in, Accelerator acc, ServingModel replica,
            ServingModel.Point point, Fleet.Workload workload, double[] traffic, double operations, String path) {
        List<ServerlessOffer> offers = hardware.catalog().serverlessOffersFor(acc.id());
        if (offers.isEmpty()) {
            throw InvalidRequestException.of(path + ".scaling", "'serverless' has no catalog offer for " + acc.id(),
                    "an accelerator with serverless offers: " + String.join(", ",
                            hardware.catalog().serverlessAccelerators()));
        }
        ServerlessOffer best = null;
        double least = Double.MAX_VALUE;
        // Busy workers at the peak of the busiest month, each the replica's GPUs: what the account must run at once.
        double peakGpus = Math.ceil(Arrays.stream(traffic).max().orElse(0) * workload.servedShare()
                / Num.SECONDS_PER_DAY * DailyShape.max(workload.shape()) / point.requestsPerSecond()) * replica.tp;
        List<String> caps = new ArrayList<>();
        for (ServerlessOffer o : offers) {
            if (!o.holds(peakGpus)) {
                caps.add(o.provider() + " " + o.maxGpus());
                continue;
            }
            Fleet f = new Fleet(replica, point, workload, serverlessPricing(in, o, replica, point, operations, path,
                    Notes.silent()), null);
            double total = f.ownCostUsd(traffic[0]);
            if (total < least) {
                best = o;
                least = total;
            }
        }
        if (best == null) {
            throw InvalidRequestException.of(path + ".scaling", "'serverless' needs " + Num.show(peakGpus)
                    + " GPUs at once at the peak, above every self-serve cap for " + acc.id() + " (" + String.join(", ",
                            caps) + " GPUs)", "always-on or autoscale, or a provider's enterprise agreement");
        }
        return best;
    }

    static Hardware.Price serverlessPrice(ServerlessOffer o, String path, Notes notes) {
        notes.assume(path, ".pricePerAcceleratorHourUsd", Num.shown(o.perHourUsd()), () -> "serverless offer '"
                + o.id() + "' (" + o.provider() + "), the one that bills least in the first serving month for "
                + o.acceleratorId()
                + ": $"
                + Num.show(o.perSecondUsd()) + " per GPU-second while a worker is up" + (o.extraPerSecondUsd() > 0
                        ? " plus $" + Num.show(o.extraPerSecondUsd()) + " of CPU and memory" : "")
                + (o.maxGpus() > 0 ? "; at most " + o.maxGpus() + " GPUs at once self-serve" : "") + ": "
                + o.source().cite());
        return new Hardware.Price(o.perHourUsd(), 0, o.id(), null);
    }

    /**
     * Serverless workers: billed per second while up, scale to zero. A cold start is the offer's
     * container start plus loading each GPU's share of the weights at the offer's load rate.
     */
    static Fleet.Pricing serverlessPricing(InferenceInput in, ServerlessOffer o, ServingModel replica,
            ServingModel.Point point, double operations, String path, Notes notes) {
        double idle = notes.orDefault(in.capacity().idleTimeoutSeconds(), o.idleTimeoutSeconds(), path,
                ".idleTimeoutSeconds",
                () -> o.provider() + "'s default: a worker stays up this long after its last request");
        double loadSeconds = replica.weightsBytes / replica.tp / 1e9 / o.loadGBs();
        double cold = o.coldStartSeconds() + loadSeconds;
        notes.assume(path, ".coldStartSeconds", Num.shown(Num.sig(cold, 3)), () -> "container and runtime start ("
                + Num.show(o.coldStartSeconds()) + " s, an estimate) plus " + Num.show(Num.sig(replica.weightsBytes
                        / replica.tp / 1e9, 3)) + " GB of weights per GPU at " + Num.show(o.loadGBs()) + " GB/s; "
                + "billed, and waited for by each request that finds no warm worker");
        if (o.planMonthlyUsd() > 0) {
            notes.assume(path, ".serverlessPlanMonthlyUsd", Num.shown(o.planMonthlyUsd()), () -> o.provider()
                    + "'s plan fee, billed every month whatever the usage (counted with operations)");
        }
        // A request alone on a worker is served at batch 1 (at low traffic most are alone).
        return new Fleet.Pricing(o.perHourUsd(), 0, null, Double.NaN, operations + o.planMonthlyUsd(), Double.NaN,
                new Serverless(idle, cold, o.minBillingSeconds(), replica.at(1).e2eMs() / 1000));
    }

    /** People who run a self-hosted fleet, per month: the request's, else a stated default share of one engineer. */
    static double operations(InferenceInput.Operations ops, String path, Notes notes) {
        if (ops != null && ops.monthlyUsd() != null) {
            return ops.monthlyUsd();
        }
        double people = notes.orDefault(ops == null ? null : ops.people(), DEFAULT_OPERATIONS_PEOPLE,
                path, ".operations.people", "a quarter of one engineer on call, upgrading and monitoring the "
                        + "fleet (set inference.operations; 0 if it is already paid for)");
        double perPerson = notes.orDefault(ops == null ? null : ops.monthlyCostUsdPerPerson(),
                OPERATIONS_COST_PER_PERSON_USD, path, ".operations.monthlyCostUsdPerPerson", "loaded monthly cost "
                        + "of a US software engineer: BLS median pay $132,270/year (Occupational Outlook Handbook, "
                        + "software developers, May 2023) ÷ 12 ÷ 0.70 (wages are ~70 % of compensation, BLS Employer "
                        + "Costs for Employee Compensation, 2024)");
        return people * perPerson;
    }

    /** The first serving month's committed baseline and burst, or null when nothing is committed. */
    static InferenceReport.Capacity capacity(Fleet fleet, double[] traffic, PricingMode mode) {
        Fleet.Pricing p = fleet.pricing();
        if (!p.committed()) {
            return null;
        }
        double baseline = CommittedBaseline.choose(fleet, traffic, 0, Math.min(traffic.length, p.termMonths()));
        CommittedBaseline.Capacity c = CommittedBaseline.month(fleet, traffic[0], baseline);
        boolean bursts = fleet.workload().scaling() == Scaling.AUTOSCALE;
        int committed = (int) Math.min(Integer.MAX_VALUE, fleet.billedAccelerators(baseline)); // whole instances
        return new InferenceReport.Capacity(mode.wireName(), committed,
                Num.money(c.committedUsd()),
                bursts ? p.burstMode().wireName() : null, bursts ? Num.money(p.burstPricePerHourUsd()) : 0,
                Num.sig(c.burstAcceleratorHours()), Num.money(c.burstUsd()));
    }
}
