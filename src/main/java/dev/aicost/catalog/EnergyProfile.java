package dev.aicost.catalog;

import java.util.Objects;

/** A region's data-centre PUE, grid carbon intensity and electricity price. */
public record EnergyProfile(
        String id,
        String name,
        double pue,
        double carbonKgPerKwh,
        double electricityUsdPerKwh,
        Source source) {

    public EnergyProfile {
        Objects.requireNonNull(id, "id");
        if (!(pue >= 1.0 && pue <= 3.0)) {
            throw new IllegalArgumentException(id + ": PUE must be within 1.0..3.0, got " + pue);
        }
        Checks.positive(carbonKgPerKwh, id + ".carbonKgPerKwh");
        Checks.positive(electricityUsdPerKwh, id + ".electricityUsdPerKwh");
    }
}
