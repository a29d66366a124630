package dev.aicost.request;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.PricingMode;
import dev.aicost.catalog.WireName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import static dev.aicost.request.RequestReader.ids;

/** Reads a GPU rental quote ({@code {"rental": {...}}}): every field checked, every problem named. */
final class RentalReader {
    private final Catalog catalog;

    RentalReader(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Pricing modes a rental can be bought in (owned hardware is not rented). */
    private static final Map<String, PricingMode> RENTAL_MODES = WireName.byWireName(
            List.of(PricingMode.ON_DEMAND, PricingMode.SPOT, PricingMode.COMMIT_1Y, PricingMode.COMMIT_3Y));

    /** Whether a request is a rental quote ({@code {"rental": {...}}}) rather than an estimate. */
    public static boolean isRental(JsonNode root) {
        return root != null && root.isObject() && root.has("rental");
    }

    /** A rental quote: the accelerator (catalog id), how many, for how many hours, how bought, where. */
    public RentalInput rental(JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        Fields f = new Fields(root, "", problems);
        RentalInput rental = f.read("rental", r -> {
            String acc = r.text("accelerator");
            if (acc == null && !r.has("accelerator")) {
                r.problem("accelerator", "is required", "one of " + ids(rentableIds()));
            } else if (acc != null && !catalog.rentable(acc)) {
                r.problem("accelerator", "no catalog offer rents '" + acc + "'" + Suggest.didYouMean(acc,
                        rentableIds()), "one of " + ids(rentableIds()));
            }
            Integer count = r.whole(Bound.RENTAL_ACCELERATORS);
            if (count == null && !r.has("accelerators")) {
                r.problem("accelerators", "is required", Bound.RENTAL_ACCELERATORS.allowed());
            }
            Double hours = r.number(Bound.RENTAL_HOURS);
            if (hours == null && !r.has("hours")) {
                r.problem("hours", "is required", Bound.RENTAL_HOURS.allowed());
            }
            PricingMode mode = r.choice("pricingMode", RENTAL_MODES);
            String offer = r.text("offer");
            if (offer != null && acc != null && catalog.offer(offer).filter(o -> o.acceleratorId().equals(acc)).isEmpty()) {
                r.problem("offer", "is not a catalog offer of " + acc, "one of " + ids(catalog.offersFor(acc).stream()
                        .map(o -> o.id()).toList()));
            }
            return acc == null || count == null || hours == null ? null
                    : new RentalInput(acc, count, hours, mode, offer);
        });
        f.finish();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return rental;
    }

    private List<String> rentableIds() {
        return catalog.acceleratorIds().stream().filter(catalog::rentable).sorted().toList();
    }
}
