package dev.aicost.engine;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.EnergyProfile;
import dev.aicost.catalog.Offer;
import dev.aicost.catalog.Precision;
import dev.aicost.catalog.PricingMode;
import dev.aicost.catalog.Source;
import dev.aicost.request.AcceleratorInput;
import dev.aicost.request.InvalidRequestException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Resolves accelerators (catalog, overridden or custom) and what an accelerator-hour costs. */
final class Hardware {
    /** Average draw as a share of TDP over a run (Epoch AI's energy model). */
    static final double AVERAGE_POWER_FRACTION = 0.75;
    /** Owned hardware is busy this share of its life; idle time is paid for by the busy hours. */
    static final double OWNED_UTILISATION = 0.8;
    static final double DEFAULT_LIFE_YEARS = 4.0;

    private final Catalog catalog;

    Hardware(Catalog catalog) {
        this.catalog = catalog;
    }

    Catalog catalog() {
        return catalog;
    }

    Accelerator resolve(AcceleratorInput in, String defaultId, String path, String defaultReason, Notes notes) {
        if (in == null) {
            Accelerator a = catalog.accelerator(defaultId).orElseThrow();
            notes.assume(path, defaultId, () -> defaultReason);
            notes.assume(path + ".source", a.source().cite(), () -> "specs of " + a.name());
            return a;
        }
        Optional<Accelerator> base = in.custom() ? Optional.empty() : catalog.accelerator(in.id());
        if (base.isPresent() && in.memoryGb() == null && in.bandwidthGBs() == null && in.tdpW() == null
                && (in.peakTflops() == null || in.peakTflops().isEmpty()) && in.interconnectGBs() == null
                && in.purchaseUsd() == null) {
            notes.assume(path + ".source", base.get().source().cite(), () -> "specs of " + base.get().name());
            return base.get();
        }
        Map<Precision, Double> peaks = new EnumMap<>(Precision.class);
        base.ifPresent(b -> peaks.putAll(b.peakTflops()));
        if (in.peakTflops() != null) {
            peaks.putAll(in.peakTflops());
        }
        String name = in.name() != null ? in.name() : base.map(Accelerator::name).orElse("custom accelerator");
        double tdp = value(in.tdpW(), base.map(Accelerator::tdpW), 400.0, path + ".tdpW", "W", notes);
        double link = value(in.interconnectGBs(), base.map(Accelerator::interconnectGBs), 32.0,
                path + ".interconnectGBs", "GB/s (PCIe-class)", notes);
        double purchase = value(in.purchaseUsd(), base.map(Accelerator::purchaseUsd), 20_000.0, path + ".purchaseUsd",
                "USD", notes);
        String interconnect = in.interconnect() != null ? in.interconnect()
                : base.map(Accelerator::interconnect).orElse("pcie");
        try {
            Accelerator a = new Accelerator(in.id(), name, base.map(Accelerator::vendor).orElse("custom"), peaks,
                    value(in.memoryGb(), base.map(Accelerator::memoryGb), 0, path + ".memoryGb", "GB", notes),
                    value(in.bandwidthGBs(), base.map(Accelerator::bandwidthGBs), 0, path + ".bandwidthGBs", "GB/s",
                            notes),
                    tdp, interconnect, link, purchase, Source.request());
            notes.assume(path + ".source", base.isPresent() ? "catalog " + in.id() + " with the request's overrides"
                    : "specs given in the request", () -> "custom accelerator '" + in.id() + "'");
            return a;
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(path, e.getMessage(), "positive specs");
        }
    }

    private static double value(Double given, Optional<Double> base, double fallback, String name, String unit,
            Notes notes) {
        if (given != null) {
            if (base.isPresent() && !given.equals(base.get())) {
                notes.assume(name, Num.shown(given), () -> "overridden by the request (catalog: " + Num.show(base.get()) + ")");
            }
            return given;
        }
        if (base.isPresent()) {
            return base.get();
        }
        notes.assume(name, Num.show(fallback) + " " + unit, "not given for the custom accelerator: a typical value");
        return fallback;
    }

    /** What one accelerator-hour costs in a pricing mode, and where that figure comes from. */
    record Price(double capitalPerHourUsd, double powerPerHourUsd, String offer) {
        double perHourUsd() {
            return capitalPerHourUsd + powerPerHourUsd;
        }
    }

    Price price(Accelerator acc, PricingMode mode, String offerId, Double override, Double acceleratorPrice,
            double lifeYears, EnergyProfile energy, String path, Notes notes) {
        if (mode == PricingMode.OWNED) {
            double capital = acc.purchaseUsd() / (lifeYears * 8760.0 * OWNED_UTILISATION);
            double power = acc.tdpW() / 1000.0 * AVERAGE_POWER_FRACTION * energy.pue() * energy.electricityUsdPerKwh();
            notes.assume(path + ".pricePerAcceleratorHourUsd", Num.shown(capital + power), () -> "owned " + acc.id() + ": $"
                    + Num.show(acc.purchaseUsd()) + " amortised over " + Num.show(lifeYears) + " years at "
                    + (int) (OWNED_UTILISATION * 100) + " % utilisation ($" + Num.show(capital) + "/h) plus power $"
                    + Num.show(power) + "/h (TDP × " + AVERAGE_POWER_FRACTION + " × PUE " + energy.pue() + " × $"
                    + energy.electricityUsdPerKwh() + "/kWh)");
            return new Price(capital, power, null);
        }
        if (override != null || acceleratorPrice != null) {
            double p = override != null ? override : acceleratorPrice;
            notes.assume(path + ".pricePerAcceleratorHourUsd", Num.shown(p), () -> "given in the request (" + mode + ")");
            return new Price(p, 0, null);
        }
        // RequestReader refuses this for a request as sent; the engine checks it again because the
        // advisor's typed what-ifs reach here without passing through the reader.
        if (acc.source().fromRequest() && catalog.accelerator(acc.id()).isEmpty()) {
            throw InvalidRequestException.of(path + ".pricePerAcceleratorHourUsd", "is required for a custom accelerator",
                    "a price in USD per accelerator-hour");
        }
        Offer offer;
        if (offerId != null) {
            offer = catalog.offer(offerId).orElseThrow();
            if (offer.price(mode).isEmpty()) {
                throw InvalidRequestException.of(path + ".pricingMode", "offer '" + offerId + "' has no " + mode
                        + " price", "one of " + offer.pricePerHourUsd().keySet() + ", or pricePerAcceleratorHourUsd");
            }
        } else {
            Offer def = catalog.defaultOffer(acc.id());
            if (def.price(mode).isPresent()) {
                offer = def;
            } else {
                offer = cheapest(acc, mode);
                if (offer == null) {
                    throw InvalidRequestException.of(path + ".pricingMode", "no catalog offer for " + acc.id()
                            + " has a " + mode + " price", "another pricingMode, or give pricePerAcceleratorHourUsd");
                }
            }
        }
        double p = offer.price(mode).getAsDouble();
        notes.assume(path + ".pricePerAcceleratorHourUsd", Num.shown(p), () -> mode + " price of offer '" + offer.id() + "' ("
                + offer.provider() + " " + offer.instance() + ", " + offer.region() + "): " + offer.source().cite());
        return new Price(p, 0, offer.id());
    }

    /** The catalog's cheapest offer of an accelerator in a pricing mode (the first in file order on ties), or null. */
    private Offer cheapest(Accelerator acc, PricingMode mode) {
        Offer best = null;
        for (Offer o : catalog.offersFor(acc.id())) {
            if (o.price(mode).isPresent()
                    && (best == null || o.price(mode).getAsDouble() < best.price(mode).getAsDouble())) {
                best = o;
            }
        }
        return best;
    }
}
