package dev.aicost.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Reads and checks the catalog's data files into a {@link Catalog}: every id unique, every reference known. */
final class CatalogLoader {
    private CatalogLoader() {
    }

    /**
     * @param modelErrorTable the engine's measured error (its date is when it was generated, so it
     *        does not move the catalog's price date)
     */
    /**
     * @param apiTables the hand-sourced hosted APIs first (their date is the catalog's), then any imported from a
     *        maintained price map (the hand rows win: an imported row with the same id is left out)
     */
    static Catalog load(DataTable acceleratorTable, DataTable offerTable, List<DataTable> apiTables,
            DataTable modelTable, DataTable energyTable, DataTable modelErrorTable, DataTable serverlessTable) {
        DataTable apiTable = apiTables.get(0);
        Map<String, Accelerator> accelerators = new LinkedHashMap<>();
        Map<String, Catalog.Form> forms = new HashMap<>();
        Map<String, Catalog.Form> formByWire = WireName.byWireName(List.of(Catalog.Form.values()));
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
                    ceiling(row), share(row, "servingEfficiency"), share(row, "tunedServingEfficiency"), row.source()));
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
                    row.positiveInt("perInstance"), row.text("region"), prices, row.yesNo("default"),
                    row.optionalPositive("maxDays").isPresent() ? row.optionalPositive("maxDays").getAsDouble() : null,
                    row.optionalPositive("maxInstances").isPresent()
                            ? (int) row.optionalPositive("maxInstances").getAsDouble() : null, row.source()));
            checkPriceOrder(o, row);
            putUnique(offers, o.id(), o, row);
        }
        for (String acc : accelerators.keySet()) {
            long defaults = offers.values().stream().filter(o -> o.acceleratorId().equals(acc) && o.isDefault()).count();
            // A device one owns (edge) has no rental offer; neither has an accelerator no provider lists a price
            // for (Gaudi 3, sold in kits). One that has offers names exactly one default.
            boolean rented = offers.values().stream().anyMatch(o -> o.acceleratorId().equals(acc));
            if (defaults > 1 || rented && defaults != 1) {
                throw new CatalogException(offerTable.file(), 0,
                        "accelerator '" + acc + "' needs exactly one default offer, found " + defaults);
            }
        }

        Map<String, HostedApi> apis = new LinkedHashMap<>();
        for (DataTable table : apiTables) {
            for (DataTable.Row row : table.rows()) {
                if (table != apiTable && apis.containsKey(row.text("id"))) {
                    continue;
                }
                double input = row.positive("input");
                String serves = row.optionalText("servesModel");
                var batch = row.optionalPositive("batch");
                HostedApi api = build(row, () -> new HostedApi(row.text("id"), row.text("provider"), row.text("model"),
                        serves, input, row.optionalPositive("cachedInput").orElse(input),
                        row.optionalPositive("cacheWrite").orElse(input), row.positive("output"),
                        batch.isPresent() ? batch.getAsDouble() : null, row.yesNo("openWeights"), row.source(),
                        table != apiTable));
                putUnique(apis, api.id(), api, row);
            }
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
        for (DataTable table : apiTables) {
            for (DataTable.Row row : table.rows()) {
                String serves = row.optionalText("servesModel");
                if (serves != null && !models.containsKey(serves)) {
                    throw new CatalogException(table.file(), row.line(), "servesModel '" + serves
                            + "' is not a catalog model");
                }
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
        Map<String, List<ServerlessOffer>> serverless = new HashMap<>();
        Set<String> serverlessIds = new HashSet<>();
        for (DataTable.Row row : serverlessTable.rows()) {
            String acc = row.text("accelerator");
            if (!accelerators.containsKey(acc)) {
                throw row.fail("accelerator", "unknown accelerator '" + acc + "'");
            }
            ServerlessOffer o = build(row, () -> new ServerlessOffer(row.text("id"), acc, row.text("provider"),
                    row.positive("perSecondUsd"), row.positive("minBillingSeconds"), row.positive("idleTimeoutSeconds"),
                    row.positive("coldStartSeconds"), row.positive("loadGBs"), row.optionalPositiveInt("maxGpus"),
                    row.optionalPositive("planMonthlyUsd").orElse(0), row.optionalPositive("extraPerSecondUsd").orElse(0),
                    row.source()));
            if (!serverlessIds.add(o.id()) || offers.containsKey(o.id())) {
                throw row.fail("id", "duplicate id '" + o.id() + "'");
            }
            serverless.computeIfAbsent(acc, k -> new ArrayList<>()).add(o);
        }
        serverless.replaceAll((k, v) -> v.stream()
                .sorted(Comparator.comparingDouble(ServerlessOffer::perSecondUsd)).toList());
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

    private static <T> T build(DataTable.Row row, Supplier<T> constructor) {
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

    private static Double share(DataTable.Row row, String column) {
        var c = row.optionalPositive(column);
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
                integer(row, "slidingWindow"), mla, integer(row, "moeLayers"));
    }

    private static Integer integer(DataTable.Row row, String column) {
        int v = row.optionalPositiveInt(column);
        return v > 0 ? v : null;
    }
}
