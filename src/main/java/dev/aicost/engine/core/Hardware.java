package dev.aicost.engine.core;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.EnergyProfile;
import dev.aicost.catalog.Offer;
import dev.aicost.catalog.Precision;
import dev.aicost.catalog.PricingMode;
import dev.aicost.catalog.Source;
import dev.aicost.report.OwnedCost;
import dev.aicost.request.AcceleratorInput;
import dev.aicost.request.EstimateRequest;
import dev.aicost.request.InvalidRequestException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Resolves accelerators (catalog, overridden or custom) and what an accelerator-hour costs. */
public final class Hardware {
    /** Average draw as a share of TDP over a run (Epoch AI's energy model). */
    public static final double AVERAGE_POWER_FRACTION = 0.75;
    /** Owned hardware is busy this share of its life; idle time is paid for by the busy hours. */
    static final double OWNED_UTILISATION = 0.8;
    static final double DEFAULT_LIFE_YEARS = 4.0;
    /** Owned-hardware defaults: each stated where used, with its source (see {@link Owned#of}). */
    static final double SERVER_AND_NETWORK_FRACTION = 0.45;
    static final double SYSTEM_POWER_FACTOR = 1.8;
    static final double FACILITY_USD_PER_KW_MONTH = 184.06;
    static final double COST_OF_CAPITAL = 0.08;

    private final Catalog catalog;

    public Hardware(Catalog catalog) {
        this.catalog = catalog;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Accelerator resolve(AcceleratorInput in, String defaultId, String path, String defaultReason, Notes notes) {
        if (in == null) {
            Accelerator a = catalog.accelerator(defaultId).orElseThrow();
            notes.assume(path, defaultId, () -> defaultReason);
            notes.assume(path, ".source", a.source().cite(), () -> "specs of " + a.name());
            return a;
        }
        Optional<Accelerator> base = in.custom() ? Optional.empty() : catalog.accelerator(in.id());
        if (base.isPresent() && in.memoryGb() == null && in.bandwidthGBs() == null && in.tdpW() == null
                && (in.peakTflops() == null || in.peakTflops().isEmpty()) && in.interconnectGBs() == null
                && in.purchaseUsd() == null) {
            notes.assume(path, ".source", base.get().source().cite(), () -> "specs of " + base.get().name());
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
                    tdp, interconnect, link, purchase, base.map(Accelerator::trainingCeiling).orElse(null),
                    base.map(Accelerator::servingShare).orElse(null), base.map(Accelerator::tunedServingShare).orElse(null),
                    Source.request());
            notes.assume(path, ".source", base.isPresent() ? "catalog " + in.id() + " with the request's overrides"
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

    /** What one accelerator-hour costs in a pricing mode, where that figure comes from, and (owned) its parts. */
    public record Price(double capitalPerHourUsd, double powerPerHourUsd, String offer, OwnedCost owned) {
        public double perHourUsd() {
            return capitalPerHourUsd + powerPerHourUsd;
        }
    }

    /**
     * What owned hardware costs besides its price, resolved once per request: the request's
     * {@code ownership} values, else defaults (each stated in assumptions; sources in docs/billing.md).
     */
    public record Owned(double lifeYears, double serverAndNetworkFraction, double systemPowerFactor,
            double facilityUsdPerKwMonth, double costOfCapitalPerYear, double trainingUtilization) {

        public static Owned of(EstimateRequest.Ownership o, Double trainingLifeYears, Notes notes) {
            double life = trainingLifeYears != null && o.lifeYears() == null ? trainingLifeYears
                    : notes.orDefault(o.lifeYears(), DEFAULT_LIFE_YEARS, "ownership.lifeYears",
                            "typical depreciation period of accelerator servers");
            return new Owned(life,
                    notes.orDefault(o.serverAndNetworkFraction(), SERVER_AND_NETWORK_FRACTION,
                            "ownership.serverAndNetworkFraction", "server components (15–22 %) and cluster network "
                                    + "(9–13 %) beside the chips (~65 %) of AI hardware cost: Cottier et al. 2024, "
                                    + "'The rising costs of training frontier AI models' (arXiv:2405.21015)"),
                    notes.orDefault(o.systemPowerFactor(), SYSTEM_POWER_FACTOR, "ownership.systemPowerFactor",
                            "host, fans and network per accelerator: an NVIDIA DGX H100 draws up to 10.2 kW for "
                                    + "8 × 700 W GPUs (NVIDIA DGX H100 datasheet)"),
                    notes.orDefault(o.facilityUsdPerKwMonth(), FACILITY_USD_PER_KW_MONTH,
                            "ownership.facilityUsdPerKwMonth", "colocation asking rate per kW of IT load, "
                                    + "250–500 kW wholesale, primary US markets: CBRE North America Data Center "
                                    + "Trends H2 2024 (2025-02-26)"),
                    notes.orDefault(o.costOfCapitalPerYear(), COST_OF_CAPITAL, "ownership.costOfCapitalPerYear",
                            "a typical corporate cost of capital (an assumption, not a quote): capital is "
                                    + "repaid as an annuity over the hardware's life"),
                    notes.orDefault(o.trainingUtilization(), OWNED_UTILISATION, "ownership.trainingUtilization",
                            "owned training hardware is busy this share of its life; the idle time is paid "
                                    + "for by the busy hours (a serving fleet pays every hour itself)"));
        }
    }

    /**
     * An owned accelerator-hour: capital (accelerator plus server and network share) repaid as an
     * annuity over its life, facility space per kW of system power, and power (system draw × average
     * load × PUE × electricity price). A serving fleet is billed all 730 hours a month already, so
     * its fixed costs are not divided by a utilisation; training divides them by the hardware's busy share.
     */
    Price owned(Accelerator acc, Owned o, boolean serving, EnergyProfile energy, String path, Notes notes) {
        double hoursPerYear = 8760.0;
        double purchase = acc.purchaseUsd();
        double capital = purchase * (1 + o.serverAndNetworkFraction());
        double r = o.costOfCapitalPerYear();
        double annuity = r == 0 ? 1 / o.lifeYears() : r / (1 - Math.pow(1 + r, -o.lifeYears()));
        double util = serving ? 1.0 : o.trainingUtilization();
        double accel = purchase / (o.lifeYears() * hoursPerYear) / util;
        double server = purchase * o.serverAndNetworkFraction() / (o.lifeYears() * hoursPerYear) / util;
        double financing = capital * (annuity - 1 / o.lifeYears()) / hoursPerYear / util; // interest on top
        double systemKw = acc.tdpW() / 1000.0 * o.systemPowerFactor();
        double facility = o.facilityUsdPerKwMonth() * systemKw / Num.HOURS_PER_MONTH / util;
        double power = systemKw * AVERAGE_POWER_FRACTION * energy.pue() * energy.electricityUsdPerKwh();
        double fixed = accel + server + financing + facility;
        OwnedCost cost = new OwnedCost(purchase, o.lifeYears(), r, util, Num.sig(accel), Num.sig(server),
                Num.sig(financing), Num.sig(facility), Num.sig(power), Num.sig(fixed + power));
        notes.assume(path, ".pricePerAcceleratorHourUsd", Num.shown(fixed + power), () -> "owned " + acc.id() + ": $"
                + Num.show(purchase) + " plus " + Math.round(o.serverAndNetworkFraction() * 100) + " % for server and "
                + "network, repaid over " + Num.show(o.lifeYears()) + " years at " + Num.show(r * 100) + " % ($"
                + Num.show(accel + server + financing) + "/h), facility $" + Num.show(facility) + "/h, power $"
                + Num.show(power) + "/h (" + Num.show(systemKw) + " kW system × " + AVERAGE_POWER_FRACTION + " load × PUE "
                + energy.pue() + " × $" + energy.electricityUsdPerKwh() + "/kWh)"
                + (serving ? "; every hour paid, no utilisation divisor" : "; fixed costs ÷ " + Num.show(util)
                        + " utilisation"));
        return new Price(fixed, power, null, cost);
    }

    /**
     * @param owned resolved ownership costs (only read in the owned mode)
     * @param serving a serving fleet (owned: every hour is paid, no utilisation divisor)
     */
    public Price price(Accelerator acc, PricingMode mode, String offerId, Double override, Double acceleratorPrice,
            Owned owned, boolean serving, EnergyProfile energy, String path, Notes notes) {
        if (mode == PricingMode.OWNED) {
            return owned(acc, owned, serving, energy, path, notes);
        }
        if (override != null || acceleratorPrice != null) {
            double p = override != null ? override : acceleratorPrice;
            notes.assume(path, ".pricePerAcceleratorHourUsd", Num.shown(p), () -> "given in the request (" + mode + ")");
            return new Price(p, 0, null, null);
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
        } else if (!catalog.rentable(acc.id())) {
            throw InvalidRequestException.of(path + ".pricingMode", acc.id() + (catalog.form(acc.id())
                    == Catalog.Form.EDGE ? " is a device you own: the catalog has no rental offer for it"
                    : ": no provider in the catalog lists a rental price for it"), "pricingMode 'owned' (its purchase "
                    + "price, power and life), or pricePerAcceleratorHourUsd");
        } else {
            offer = unnamedOffer(acc, mode);
            if (offer == null) {
                throw InvalidRequestException.of(path + ".pricingMode", "no catalog offer for " + acc.id()
                        + " has a " + mode + " price", "another pricingMode, or give pricePerAcceleratorHourUsd");
            }
        }
        double p = offer.price(mode).getAsDouble();
        notes.assume(path, ".pricePerAcceleratorHourUsd", Num.shown(p), () -> mode + " price of offer '" + offer.id() + "' ("
                + offer.provider() + " " + offer.instance() + ", " + offer.region() + "): " + offer.source().cite());
        if (catalog.stale(offer.source())) {
            notes.warn(() -> "Prices of offer '" + offer.id() + "' date from " + offer.source().date()
                    + ", more than 12 months before the catalog (" + catalog.asOfText() + "); check the provider's page.");
        }
        return new Price(p, 0, offer.id(), null);
    }

    /**
     * What capacity above a committed baseline costs: the burst mode's price at the same offer where
     * it has one, else at the accelerator's default (or cheapest) offer; a custom accelerator with no
     * catalog offer bursts at its given price.
     */
    public Price burst(Accelerator acc, PricingMode burstMode, String offerId, double committedPerHour,
            EnergyProfile energy, String path, Notes notes) {
        String offer = offerId != null && catalog.offer(offerId).orElseThrow().price(burstMode).isPresent() ? offerId
                : null;
        try {
            return price(acc, burstMode, offer, null, null, null, true, energy, path, notes);
        } catch (InvalidRequestException e) {
            notes.assume(path, Num.shown(committedPerHour), () -> "no catalog " + burstMode + " price for " + acc.id()
                    + ": capacity above the committed baseline is priced like it");
            return new Price(committedPerHour, 0, null, null);
        }
    }

    /**
     * The cheapest offer of an accelerator in a pricing mode from another provider than {@code provider} that one
     * purchase can run for {@code days} (no capacity block for a fleet that runs for months) and whose
     * instances hold a replica of {@code replicaSize} accelerators (tensor parallelism runs within one), or null.
     */
    public Offer cheapestElsewhere(Accelerator acc, PricingMode mode, String provider, double days, int replicaSize) {
        Offer best = null;
        for (Offer o : catalog.offersFor(acc.id())) {
            if (!o.provider().equals(provider) && !"reference".equals(o.provider()) && o.price(mode).isPresent()
                    && o.lasts(days) && o.acceleratorsPerInstance() >= replicaSize
                    && (best == null || o.price(mode).getAsDouble() < best.price(mode).getAsDouble())) {
                best = o;
            }
        }
        return best;
    }

    /**
     * The offer a request that names none rents: the accelerator's default offer, else (when the default has
     * no price in the mode) the cheapest that has one; null if none has.
     */
    public Offer unnamedOffer(Accelerator acc, PricingMode mode) {
        Offer def = catalog.defaultOffer(acc.id());
        return def.price(mode).isPresent() ? def : cheapest(acc, mode);
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
