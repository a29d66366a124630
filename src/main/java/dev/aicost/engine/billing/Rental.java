package dev.aicost.engine.billing;

import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.Offer;
import dev.aicost.catalog.PricingMode;
import dev.aicost.engine.core.Notes;
import dev.aicost.engine.core.Num;
import dev.aicost.report.RentalReport;
import dev.aicost.report.RentalReport.RentalOffer;
import dev.aicost.request.InvalidRequestException;
import dev.aicost.request.RentalInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What renting accelerators for some hours bills: whole instances (ceil(accelerators / per instance)
 * of them, every accelerator of each billed), every hour asked, and a commitment's whole term when the
 * rental is shorter (a 1-year commitment bills 8,760 hours whatever is used).
 */
public final class Rental {
    static final double HOURS_PER_YEAR = 12 * Num.HOURS_PER_MONTH;

    private Rental() {
    }

    public static RentalReport quote(Catalog catalog, RentalInput in, Notes notes) {
        PricingMode mode = in.pricingMode() != null ? in.pricingMode() : PricingMode.ON_DEMAND;
        if (in.pricingMode() == null) {
            notes.assume("rental", ".pricingMode", "on-demand", "no pricing mode named: the list price");
        }
        List<RentalOffer> offers = new ArrayList<>();
        Offer chosen = null;
        double chosenCost = Double.MAX_VALUE;
        for (Offer o : catalog.offersFor(in.accelerator())) {
            if (o.price(mode).isEmpty()) {
                continue;
            }
            double cost = cost(o, in, mode);
            offers.add(new RentalOffer(o.id(), o.provider(), o.instance(), instances(o, in), o.price(mode).getAsDouble(),
                    cost));
            boolean named = o.id().equals(in.offer());
            if (named || in.offer() == null && cost < chosenCost) {
                chosen = o;
                chosenCost = cost;
                if (named) {
                    break;
                }
            }
        }
        if (chosen == null) {
            throw InvalidRequestException.of("rental.pricingMode", "no catalog offer " + (in.offer() == null
                    ? "of " + in.accelerator() : "'" + in.offer() + "'") + " has a " + mode + " price",
                    "another pricingMode, e.g. on-demand");
        }
        offers.sort(Comparator.comparingDouble(RentalOffer::costUsd));
        Offer o = chosen;
        int instances = instances(o, in);
        int billed = instances * o.acceleratorsPerInstance();
        if (billed > in.accelerators()) {
            notes.warn(() -> "Offer '" + o.id() + "' rents " + o.acceleratorsPerInstance() + " × " + in.accelerator()
                    + " per instance (" + o.instance() + "): " + instances + " instance" + (instances == 1 ? "" : "s")
                    + " bill " + billed + " accelerators for the " + in.accelerators() + " asked.");
        }
        double hours = billedHours(in, mode);
        if (hours > in.hours()) {
            notes.warn(() -> "A " + mode + " commitment bills its whole term: " + Math.round(hours) + " hours, not the "
                    + in.hours() + " asked.");
        }
        if (mode == PricingMode.SPOT) {
            notes.warn(() -> "Spot capacity can be reclaimed at short notice: checkpoint, and expect some hours redone.");
        }
        if (catalog.stale(o.source())) {
            notes.warn(() -> "Prices of offer '" + o.id() + "' date from " + o.source().date() + ", more than 12 months "
                    + "before the catalog (" + catalog.asOfText() + "); check the provider's page.");
        }
        notes.assume("rental", ".offer", o.id(), () -> (in.offer() == null ? "the cheapest whole-instance bill among "
                + offers.size() + " catalog offers: " : "as named: ") + o.provider() + " " + o.instance() + ", "
                + o.region() + "; " + o.source().cite());
        double price = o.price(mode).getAsDouble();
        return new RentalReport(in.accelerator(), in.accelerators(), in.hours(), mode.wireName(), o.id(), o.provider(),
                o.instance(), o.region(), o.acceleratorsPerInstance(), instances, billed, hours, price, chosenCost,
                o.source().cite(), List.copyOf(offers), offers.get(0).costUsd(), offers.get(offers.size() - 1).costUsd());
    }

    static int instances(Offer o, RentalInput in) {
        return (in.accelerators() + o.acceleratorsPerInstance() - 1) / o.acceleratorsPerInstance();
    }

    static double billedHours(RentalInput in, PricingMode mode) {
        double term = switch (mode) {
            case COMMIT_1Y -> HOURS_PER_YEAR;
            case COMMIT_3Y -> 3 * HOURS_PER_YEAR;
            default -> 0;
        };
        return Math.max(in.hours(), term);
    }

    static double cost(Offer o, RentalInput in, PricingMode mode) {
        return instances(o, in) * o.acceleratorsPerInstance() * billedHours(in, mode) * o.price(mode).getAsDouble();
    }
}
