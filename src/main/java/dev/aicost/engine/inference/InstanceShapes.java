package dev.aicost.engine.inference;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.Offer;
import dev.aicost.catalog.PricingMode;
import dev.aicost.engine.core.Hardware;
import dev.aicost.engine.core.Notes;
import dev.aicost.engine.core.Num;
import dev.aicost.request.InferenceInput;
import dev.aicost.request.InferenceInput.Scaling;
import dev.aicost.request.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which instance shape a serving fleet rents when the request names no offer. A provider that sells an
 * accelerator in several shapes (Lambda: 1, 2, 4 or 8 H100s an instance, dearer per GPU the smaller the
 * instance) bills a fleet differently in each: a tensor-parallel-1 replica on one-GPU instances pays for
 * no idle accelerator, where the same replicas packed onto an 8-GPU instance pay for all eight. The
 * fleet is sized on each shape the default offer's provider sells (the replica chosen afresh to fit its
 * instance) and the one that bills least over the horizon is rented, saying so in `assumptions`.
 */
public final class InstanceShapes {
    private InstanceShapes() {
    }

    /**
     * The shapes to weigh: the offer a request naming none would rent and the same provider's other
     * instance sizes of that accelerator, bought the same way (never a capacity block for an open-ended
     * fleet) in the same region; empty unless there are at least two. None when the request fixed the
     * offer or the price, owns its hardware, runs serverless or buys from an API.
     */
    static List<Offer> candidates(Hardware hardware, Accelerator acc, InferenceInput in) {
        PricingMode mode = in.pricing().pricingMode() == null ? PricingMode.ON_DEMAND : in.pricing().pricingMode();
        if (in.fixesPrice() || mode == PricingMode.OWNED || in.capacity().scaling() == Scaling.SERVERLESS
                || in.service().hostedApi() != null || !hardware.catalog().rentable(acc.id())) {
            return List.of();
        }
        Offer unnamed = hardware.unnamedOffer(acc, mode);
        if (unnamed == null) {
            return List.of();
        }
        List<Offer> shapes = sameProvider(hardware, acc, mode, unnamed);
        return shapes.size() > 1 ? shapes : List.of();
    }

    /**
     * The lowest price per accelerator-hour among the sizes the unnamed offer's provider sells (a bound's
     * floor: whichever size a fleet rents, it pays at least this), or +∞ when there is no such offer.
     */
    public static double lowestPrice(Hardware hardware, Accelerator acc, PricingMode mode) {
        Offer unnamed = hardware.catalog().rentable(acc.id()) ? hardware.unnamedOffer(acc, mode) : null;
        double lowest = Double.POSITIVE_INFINITY;
        for (Offer o : unnamed == null ? List.<Offer>of() : sameProvider(hardware, acc, mode, unnamed)) {
            lowest = Math.min(lowest, o.price(mode).getAsDouble());
        }
        return lowest;
    }

    /** The unnamed offer first, then the same provider's other sizes, bought the same way in the same region. */
    private static List<Offer> sameProvider(Hardware hardware, Accelerator acc, PricingMode mode, Offer unnamed) {
        List<Offer> shapes = new ArrayList<>();
        shapes.add(unnamed);
        for (Offer o : hardware.catalog().offersFor(acc.id())) {
            if (o != unnamed && o.provider().equals(unnamed.provider()) && o.region().equals(unnamed.region())
                    && Objects.equals(o.maxDays(), unnamed.maxDays()) && o.price(mode).isPresent()
                    && o.acceleratorsPerInstance() != unnamed.acceleratorsPerInstance()) {
                shapes.add(o);
            }
        }
        return shapes;
    }

    /**
     * The estimate on the shape that bills least over the horizon among those that meet the latency target
     * (all of them when none does: a cheaper shape that answers too slowly is no saving), {@code run} sizing
     * the fleet on one offer with the notes given; the first shape, the default, wins ties. Stated at
     * {@code path}.offer. A shape whose instance cannot hold the replica the workload needs is skipped.
     */
    static InferenceEstimator.Result cheapest(List<Offer> shapes, InferenceInput in, String path, Notes notes,
            RunOn run) {
        Offer best = null;
        double bestUsd = Double.POSITIVE_INFINITY;
        boolean bestMet = false;
        InferenceEstimator.Result bestRun = null;
        Notes bestNotes = null;
        StringBuilder others = new StringBuilder();
        for (Offer o : shapes) {
            // Each shape records its explanations aside (nothing when the caller records nothing): the chosen
            // one's are kept, so that it need not be sized again to explain it.
            Notes aside = notes.aside();
            InferenceEstimator.Result r;
            try {
                r = run.on(in.withOffer(o.id()), aside);
            } catch (InvalidRequestException e) {
                continue; // this shape's instance cannot hold the replica the workload needs
            }
            double usd = horizonUsd(r);
            boolean met = r.latencyTargetMet();
            if (notes.recording()) {
                others.append(others.length() == 0 ? "" : ", ").append(o.instance()).append(" $")
                        .append(Num.show(Num.money(usd))).append(met ? "" : " (misses the latency target)");
            }
            if (met && !bestMet || met == bestMet && usd < bestUsd) {
                best = o;
                bestUsd = usd;
                bestMet = met;
                bestRun = r;
                bestNotes = aside;
            }
        }
        if (best == null) {
            return run.on(in, notes); // no shape holds it: the default offer's own refusal says why
        }
        Offer chosen = best;
        boolean chosenMet = bestMet;
        notes.assume(path, ".offer", chosen.id(), () -> chosen.provider() + " rents " + chosen.acceleratorId()
                + " in " + sizes(shapes) + "-accelerator instances; " + chosen.instance() + " bills this fleet least "
                + "over the horizon" + (chosenMet ? " of the sizes that meet the latency target" : "")
                + " (the horizon's serving bill on each: " + others + ")");
        notes.absorb(bestNotes);
        return bestRun;
    }

    private static String sizes(List<Offer> shapes) {
        return String.join(", ", shapes.stream().map(o -> o.acceleratorsPerInstance()).sorted().distinct()
                .map(String::valueOf).toList());
    }

    private static double horizonUsd(InferenceEstimator.Result r) {
        double sum = 0;
        for (double m : r.monthlyCosts()) {
            sum += m;
        }
        return sum;
    }

    /** One sizing of the fleet on a request that names its offer. */
    interface RunOn {
        InferenceEstimator.Result on(InferenceInput in, Notes notes);
    }
}
