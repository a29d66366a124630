package dev.aicost.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data every estimate draws on: accelerators, offers (prices), hosted APIs, models and energy
 * profiles. Parsed and validated once from the data files under {@code /catalog}; immutable.
 */
public final class Catalog {
    /** The data files, in load order; the native build must include each (application.properties). */
    public static final List<String> RESOURCES = List.of(
            "/catalog/accelerators.psv", "/catalog/offers.psv", "/catalog/hosted-apis.psv",
            "/catalog/models.psv", "/catalog/energy.psv", "/catalog/model-error.psv",
            "/catalog/serverless.psv");

    private final LocalDate asOf;
    private final Map<String, Accelerator> accelerators;
    private final Map<String, Offer> offers;
    private final Map<String, HostedApi> hostedApis;
    private final Map<String, ModelSpec> models;
    private final Map<String, EnergyProfile> energy;
    private final Map<String, Offer> defaultOffers = new java.util.HashMap<>();
    /** Offers per accelerator, in file order (looked up on every priced what-if). */
    private final Map<String, List<Offer>> offersByAccelerator = new java.util.HashMap<>();
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

    private Catalog(LocalDate asOf, Map<String, Accelerator> accelerators, Map<String, Offer> offers,
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
                DataTable.resource(RESOURCES.get(6)));
    }

    /**
     * @param modelErrorTable the engine's measured error (its date is when it was generated, so it
     *        does not move the catalog's price date)
     */
    static Catalog load(DataTable acceleratorTable, DataTable offerTable, DataTable apiTable, DataTable modelTable,
            DataTable energyTable, DataTable modelErrorTable, DataTable serverlessTable) {
        Map<String, Accelerator> accelerators = new LinkedHashMap<>();
        Map<String, Form> forms = new java.util.HashMap<>();
        Map<String, Form> formByWire = WireName.byWireName(List.of(Form.values()));
        for (DataTable.Row row : acceleratorTable.rows()) {
            forms.put(row.text("id"), formByWire.get(row.oneOf("form", formByWire.keySet())));
            EnumMap<Precision, Double> peaks = new EnumMap<>(Precision.class);
            for (Precision p : List.of(Precision.FP32, Precision.TF32, Precision.BF16, Precision.FP8, Precision.INT8,
                    Precision.INT4, Precision.FP4)) {
                row.optionalPositive(p.wireName()).ifPresent(v -> peaks.put(p, v));
            }
            Accelerator a = build(row, () -> new Accelerator(row.text("id"), row.text("name"), row.text("vendor"), peaks,
                    row.positive("memoryGb"), row.positive("bandwidthGBs"), row.positive("tdpW"),
                    row.text("interconnect"), row.positive("interconnectGBs"), row.positive("purchaseUsd"),
                    ceiling(row), share(row), row.source()));
            putUnique(accelerators, a.id(), a, row);
        }

        Map<String, Offer> offers = new LinkedHashMap<>();
        for (DataTable.Row row : offerTable.rows()) {
            String acc = row.text("accelerator");
            if (!accelerators.containsKey(acc)) {
                throw row.fail("accelerator", "unknown accelerator '" + acc + "'");
            }
            EnumMap<PricingMode, Double> prices = new EnumMap<>(PricingMode.class);
            prices.put(PricingMode.ON_DEMAND, row.positive("onDemand"));
            row.optionalPositive("spot").ifPresent(v -> prices.put(PricingMode.SPOT, v));
            row.optionalPositive("commit1y").ifPresent(v -> prices.put(PricingMode.COMMIT_1Y, v));
            row.optionalPositive("commit3y").ifPresent(v -> prices.put(PricingMode.COMMIT_3Y, v));
            Offer o = build(row, () -> new Offer(row.text("id"), acc, row.text("provider"), row.text("instance"),
                    row.positiveInt("perInstance"), row.text("region"), prices, row.yesNo("default"), row.source()));
            checkPriceOrder(o, row);
            putUnique(offers, o.id(), o, row);
        }
        for (String acc : accelerators.keySet()) {
            long defaults = offers.values().stream().filter(o -> o.acceleratorId().equals(acc) && o.isDefault()).count();
            boolean edge = forms.get(acc) == Form.EDGE;
            if (edge ? defaults > 1 : defaults != 1) {
                throw new CatalogException(offerTable.file(), 0,
                        "accelerator '" + acc + "' needs exactly one default offer, found " + defaults);
            }
        }

        Map<String, HostedApi> apis = new LinkedHashMap<>();
        for (DataTable.Row row : apiTable.rows()) {
            double input = row.positive("input");
            String serves = row.optionalText("servesModel");
            var batch = row.optionalPositive("batch");
            HostedApi api = build(row, () -> new HostedApi(row.text("id"), row.text("provider"), row.text("model"),
                    serves, input, row.optionalPositive("cachedInput").orElse(input),
                    row.optionalPositive("cacheWrite").orElse(input), row.positive("output"),
                    batch.isPresent() ? batch.getAsDouble() : null, row.yesNo("openWeights"), row.source()));
            putUnique(apis, api.id(), api, row);
        }

        Map<String, ModelSpec> models = new LinkedHashMap<>();
        for (DataTable.Row row : modelTable.rows()) {
            String kind = row.oneOf("kind", Set.of("llm", "vision", "other"));
            boolean llm = kind.equals("llm");
            ModelSpec m = build(row, () -> new ModelSpec(row.text("id"), row.text("name"),
                    llm ? ModelKind.LLM : ModelKind.OTHER, row.positive("parameters"), row.positive("activeParameters"),
                    llm ? row.positiveInt("layers") : row.optionalPositiveInt("layers"),
                    llm ? row.positiveInt("hiddenSize") : row.optionalPositiveInt("hiddenSize"),
                    llm ? row.positiveInt("attentionHeads") : row.optionalPositiveInt("attentionHeads"),
                    llm ? row.positiveInt("kvHeads") : row.optionalPositiveInt("kvHeads"),
                    llm ? row.positiveInt("headDim") : row.optionalPositiveInt("headDim"),
                    llm ? row.positiveInt("vocabSize") : row.optionalPositiveInt("vocabSize"),
                    llm ? row.positiveInt("contextLength") : row.optionalPositiveInt("contextLength"),
                    llm ? 0 : row.positive("flopsPerRequest"), llm ? 0 : row.positive("weightsBytes"), row.source(),
                    architecture(row)));
            putUnique(models, m.id(), m, row);
        }
        for (DataTable.Row row : apiTable.rows()) {
            String serves = row.optionalText("servesModel");
            if (serves != null && !models.containsKey(serves)) {
                throw new CatalogException(apiTable.file(), row.line(), "servesModel '" + serves
                        + "' is not a catalog model");
            }
        }

        Map<String, EnergyProfile> energy = new LinkedHashMap<>();
        for (DataTable.Row row : energyTable.rows()) {
            EnergyProfile e = build(row, () -> new EnergyProfile(row.text("id"), row.text("name"), row.positive("pue"),
                    row.positive("carbonKgPerKwh"), row.positive("electricityUsdPerKwh"), row.source()));
            putUnique(energy, e.id(), e, row);
        }
        if (!energy.containsKey("default")) {
            throw new CatalogException(energyTable.file(), 0, "an energy profile with id 'default' is required");
        }

        LocalDate asOf = Stream.of(acceleratorTable, offerTable, apiTable, modelTable, energyTable)
                .map(DataTable::asOf).min(LocalDate::compareTo).orElseThrow();
        Map<String, List<ServerlessOffer>> serverless = new java.util.HashMap<>();
        java.util.Set<String> serverlessIds = new java.util.HashSet<>();
        for (DataTable.Row row : serverlessTable.rows()) {
            String acc = row.text("accelerator");
            if (!accelerators.containsKey(acc)) {
                throw row.fail("accelerator", "unknown accelerator '" + acc + "'");
            }
            ServerlessOffer o = build(row, () -> new ServerlessOffer(row.text("id"), acc, row.text("provider"),
                    row.positive("perSecondUsd"), row.positive("minBillingSeconds"), row.positive("idleTimeoutSeconds"),
                    row.positive("coldStartSeconds"), row.positive("loadGBs"), row.source()));
            if (!serverlessIds.add(o.id()) || offers.containsKey(o.id())) {
                throw row.fail("id", "duplicate id '" + o.id() + "'");
            }
            serverless.computeIfAbsent(acc, k -> new ArrayList<>()).add(o);
        }
        serverless.replaceAll((k, v) -> v.stream()
                .sorted(java.util.Comparator.comparingDouble(ServerlessOffer::perSecondUsd)).toList());
        return new Catalog(asOf, accelerators, offers, apis, models, energy, ModelError.of(modelErrorTable),
                Map.copyOf(serverless), Map.copyOf(forms));
    }

    /** Spot is the cheapest mode, commitments sit between spot and on-demand, 3 years below 1 year. */
    private static void checkPriceOrder(Offer o, DataTable.Row row) {
        double onDemand = o.price(PricingMode.ON_DEMAND).getAsDouble();
        double ceiling = onDemand;
        for (PricingMode m : List.of(PricingMode.COMMIT_1Y, PricingMode.COMMIT_3Y, PricingMode.SPOT)) {
            if (o.price(m).isPresent()) {
                double p = o.price(m).getAsDouble();
                if (p > ceiling) {
                    throw row.fail(m.wireName(), "price " + p + " is above the next dearer mode's " + ceiling);
                }
                ceiling = p;
            }
        }
    }

    private static <T> T build(DataTable.Row row, java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new CatalogException(row.file(), row.line(), e.getMessage());
        }
    }

    private static <T> void putUnique(Map<String, T> map, String id, T value, DataTable.Row row) {
        if (map.putIfAbsent(id, value) != null) {
            throw row.fail("id", "duplicate id '" + id + "'");
        }
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
    public java.util.Set<String> serverlessAccelerators() {
        return new java.util.TreeSet<>(serverless.keySet());
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

    private static Double share(DataTable.Row row) {
        var c = row.optionalPositive("servingEfficiency");
        return c.isPresent() ? c.getAsDouble() : null;
    }

    private static Double ceiling(DataTable.Row row) {
        var c = row.optionalPositive("trainingCeiling");
        return c.isPresent() ? c.getAsDouble() : null;
    }

    private static ModelSpec.Architecture architecture(DataTable.Row row) {
        Integer kvLora = integer(row, "kvLoraRank");
        ModelSpec.Mla mla = kvLora == null ? null : new ModelSpec.Mla(kvLora, row.optionalPositiveInt("qLoraRank"),
                row.positiveInt("qkNopeHeadDim"), row.positiveInt("qkRopeHeadDim"), row.positiveInt("vHeadDim"));
        return new ModelSpec.Architecture(integer(row, "experts"), integer(row, "expertsPerToken"),
                integer(row, "slidingWindow"), mla);
    }

    private static Integer integer(DataTable.Row row, String column) {
        int v = row.optionalPositiveInt(column);
        return v > 0 ? v : null;
    }
}
