package dev.aicost.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The data every estimate draws on: accelerators, offers (prices), hosted APIs, models and energy
 * profiles. Parsed and validated once from the data files under {@code /catalog}; immutable.
 */
public final class Catalog {
    /** The data files, in load order; the native build must include each (application.properties). */
    public static final List<String> RESOURCES = List.of(
            "/catalog/accelerators.psv", "/catalog/offers.psv", "/catalog/hosted-apis.psv",
            "/catalog/models.psv", "/catalog/energy.psv", "/catalog/model-error.psv",
            "/catalog/serverless.psv", "/catalog/hosted-apis-litellm.psv");

    private final LocalDate asOf;
    private final Map<String, Accelerator> accelerators;
    private final Map<String, Offer> offers;
    private final Map<String, HostedApi> hostedApis;
    private final Map<String, ModelSpec> models;
    private final Map<String, EnergyProfile> energy;
    private final Map<String, Offer> defaultOffers = new HashMap<>();
    /** Offers per accelerator, in file order (looked up on every priced what-if). */
    private final Map<String, List<Offer>> offersByAccelerator = new HashMap<>();
    private final String asOfText;
    private final ModelError modelError;
    /** Each accelerator's form (accelerator card, server CPU or edge device). */
    private final Map<String, Form> forms;
    /** What kind of part a catalog accelerator is: it decides how it is searched and bought. */
    public enum Form implements WireName {
        /** A GPU, TPU or other accelerator card: rented from catalog offers. */
        ACCELERATOR,
        /** A server CPU socket with matrix extensions, rented as a whole-socket instance. */
        CPU,
        /** A device you own (no rental offer): pricingMode 'owned' or a given price. */
        EDGE
    }

    /** Serverless GPU offers per accelerator, cheapest first. */
    private final Map<String, List<ServerlessOffer>> serverless;

    Catalog(LocalDate asOf, Map<String, Accelerator> accelerators, Map<String, Offer> offers,
            Map<String, HostedApi> hostedApis, Map<String, ModelSpec> models, Map<String, EnergyProfile> energy,
            ModelError modelError, Map<String, List<ServerlessOffer>> serverless, Map<String, Form> forms) {
        this.asOf = asOf;
        this.forms = forms;
        this.modelError = modelError;
        this.serverless = serverless;
        this.accelerators = Collections.unmodifiableMap(accelerators);
        this.offers = Collections.unmodifiableMap(offers);
        this.hostedApis = Collections.unmodifiableMap(hostedApis);
        this.models = Collections.unmodifiableMap(models);
        this.energy = Collections.unmodifiableMap(energy);
        for (Offer o : offers.values()) {
            if (o.isDefault()) {
                defaultOffers.put(o.acceleratorId(), o);
            }
            offersByAccelerator.computeIfAbsent(o.acceleratorId(), k -> new ArrayList<>()).add(o);
        }
        offersByAccelerator.replaceAll((k, v) -> List.copyOf(v));
        this.asOfText = asOf.toString();
    }

    /** The bundled catalog, parsed on first use (at image build time in a native build). */
    public static Catalog builtIn() {
        return BuiltIn.CATALOG;
    }

    private static final class BuiltIn {
        static final Catalog CATALOG = loadBundled();
    }

    /** Parses and validates the bundled data files afresh (builtIn() keeps the one parsed copy). */
    public static Catalog loadBundled() {
        return load(DataTable.resource(RESOURCES.get(0)), DataTable.resource(RESOURCES.get(1)),
                DataTable.resource(RESOURCES.get(2)), DataTable.resource(RESOURCES.get(3)),
                DataTable.resource(RESOURCES.get(4)), DataTable.resource(RESOURCES.get(5)),
                DataTable.resource(RESOURCES.get(6)), DataTable.resource(RESOURCES.get(7)));
    }

    /**
     * @param modelErrorTable the engine's measured error (its date is when it was generated, so it
     *        does not move the catalog's price date)
     */
    static Catalog load(DataTable acceleratorTable, DataTable offerTable, DataTable apiTable, DataTable modelTable,
            DataTable energyTable, DataTable modelErrorTable, DataTable serverlessTable) {
        return CatalogLoader.load(acceleratorTable, offerTable, List.of(apiTable), modelTable, energyTable,
                modelErrorTable, serverlessTable);
    }

    /** The same, with hosted-API rows imported from a maintained price map after the hand-sourced ones. */
    static Catalog load(DataTable acceleratorTable, DataTable offerTable, DataTable apiTable, DataTable modelTable,
            DataTable energyTable, DataTable modelErrorTable, DataTable serverlessTable, DataTable importedApis) {
        return CatalogLoader.load(acceleratorTable, offerTable, List.of(apiTable, importedApis), modelTable,
                energyTable, modelErrorTable, serverlessTable);
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** What kind of part an accelerator is (a custom one is an accelerator card). */
    public Form form(String acceleratorId) {
        return forms.getOrDefault(acceleratorId, Form.ACCELERATOR);
    }

    /** Whether the accelerator has a default rental offer (edge devices have none). */
    public boolean rentable(String acceleratorId) {
        return defaultOffers.containsKey(acceleratorId);
    }

    /** Serverless GPU offers for an accelerator, cheapest per second first (empty: none). */
    public List<ServerlessOffer> serverlessOffersFor(String acceleratorId) {
        return serverless.getOrDefault(acceleratorId, List.of());
    }

    /** Accelerators with a serverless offer, for messages. */
    public Set<String> serverlessAccelerators() {
        return new TreeSet<>(serverless.keySet());
    }

    /** The engine's measured error per figure and segment (the ranges' model-error part). */
    public ModelError modelError() {
        return modelError;
    }

    /** {@link #asOf()} as YYYY-MM-DD, formatted once. */
    public String asOfText() {
        return asOfText;
    }

    public Optional<Accelerator> accelerator(String id) {
        return Optional.ofNullable(accelerators.get(id));
    }

    public Collection<Accelerator> accelerators() {
        return accelerators.values();
    }

    public Optional<Offer> offer(String id) {
        return Optional.ofNullable(offers.get(id));
    }

    public Collection<Offer> offers() {
        return offers.values();
    }

    /** Whether a price row is more than 12 months older than the catalog (reports warn when they use one). */
    public boolean stale(Source source) {
        return !source.fromRequest() && source.date().isBefore(asOf.minusMonths(12));
    }

    public List<Offer> offersFor(String acceleratorId) {
        return offersByAccelerator.getOrDefault(acceleratorId, List.of());
    }

    /** The offer an estimate uses when the request names none (exactly one per accelerator). */
    public Offer defaultOffer(String acceleratorId) {
        Offer o = defaultOffers.get(acceleratorId);
        if (o == null) {
            throw new IllegalStateException("no default offer for " + acceleratorId);
        }
        return o;
    }

    public Collection<HostedApi> hostedApis() {
        return hostedApis.values();
    }

    public Optional<ModelSpec> model(String id) {
        return Optional.ofNullable(models.get(id));
    }

    public Collection<ModelSpec> models() {
        return models.values();
    }

    public Optional<EnergyProfile> energy(String id) {
        return Optional.ofNullable(energy.get(id));
    }

    public EnergyProfile defaultEnergy() {
        return energy.get("default");
    }

    public Set<String> acceleratorIds() {
        return accelerators.keySet();
    }

    public Set<String> offerIds() {
        return offers.keySet();
    }

    public Set<String> modelIds() {
        return models.keySet();
    }

    public Set<String> energyIds() {
        return energy.keySet();
    }
}
