package dev.aicost.engine.billing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicost.api.Estimator;
import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.Offer;
import dev.aicost.catalog.PricingMode;
import dev.aicost.report.CostReport;
import dev.aicost.report.RentalReport;
import dev.aicost.request.InvalidRequestException;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** GPU rental quotes, by hand: whole instances, every hour, a commitment's whole term. */
class RentalTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Estimator API = Estimator.builtIn();

    static RentalReport quote(String rental) throws Exception {
        return API.estimate(JSON.readTree("{\"rental\":" + rental.replace('\'', '"') + "}")).rental();
    }

    @Test
    void oneB200IsBilledAsTheWholeEightGpuInstance() throws Exception {
        // lambda-b200 is the one B200 offer: gpu_8x_b200_sxm6 at $4.99 per GPU-hour → 8 × 10 h × $4.99.
        RentalReport r = quote("{'accelerator':'b200','accelerators':1,'hours':10}");
        assertThat(r.instances()).isEqualTo(1);
        assertThat(r.billedAccelerators()).isEqualTo(8);
        assertThat(r.costUsd()).isCloseTo(399.2, within(1e-9));
        CostReport full = API.estimate(JSON.readTree("{\"rental\":{\"accelerator\":\"b200\",\"accelerators\":1,"
                + "\"hours\":10}}"));
        assertThat(full.warnings()).anyMatch(w -> w.contains("bill 8 accelerators for the 1 asked"));
        assertThat(full.model()).isNull();
        assertThat(full.lifecycle()).isNull();
    }

    @Test
    void theQuoteIsTheCheapestWholeInstanceBillAmongEveryOffer() throws Exception {
        RentalReport r = quote("{'accelerator':'h100-sxm','accelerators':12,'hours':168,'pricingMode':'on-demand'}");
        Catalog c = Catalog.builtIn();
        double cheapest = Double.MAX_VALUE;
        for (Offer o : c.offersFor("h100-sxm")) {
            if (o.price(PricingMode.ON_DEMAND).isEmpty()) {
                continue;
            }
            int instances = (int) Math.ceil(12.0 / o.acceleratorsPerInstance());
            double bill = instances * o.acceleratorsPerInstance() * 168 * o.price(PricingMode.ON_DEMAND).getAsDouble();
            cheapest = Math.min(cheapest, bill);
            assertThat(r.offers()).anyMatch(x -> x.offer().equals(o.id()) && Math.abs(x.costUsd() - bill) < 1e-6);
        }
        assertThat(r.costUsd()).isCloseTo(cheapest, within(1e-6));
        assertThat(r.cheapestUsd()).isCloseTo(cheapest, within(1e-6));
        assertThat(r.offers().get(0).costUsd()).isLessThanOrEqualTo(r.offers().get(r.offers().size() - 1).costUsd());
    }

    @Test
    void aCommitmentBillsItsWholeTerm() throws Exception {
        RentalReport r = quote("{'accelerator':'h100-sxm','accelerators':8,'hours':100,'pricingMode':'commit-1y',"
                + "'offer':'aws-p5-h100'}");
        double price = Catalog.builtIn().offer("aws-p5-h100").orElseThrow().price(PricingMode.COMMIT_1Y).getAsDouble();
        assertThat(r.billedHours()).isEqualTo(8_760);
        assertThat(r.costUsd()).isCloseTo(8 * 8_760 * price, within(1e-6));
    }

    @Test
    void aWrongRentalNamesItsFields() {
        assertThatThrownBy(() -> quote("{'accelerator':'h1000','accelerators':0,'hours':-1,'pricingMode':'owned'}"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.path()).contains("rental.accelerator", "rental.accelerators", "rental.hours",
                                "rental.pricingMode"));
    }

    @Test
    void aRentalInWordsIsTheSameQuote() throws Exception {
        CostReport fromText = API.estimate(JSON.readTree("{\"text\":\"8xH100 on spot for a week, how much?\"}"));
        RentalReport structured = quote("{'accelerator':'h100-sxm','accelerators':8,'hours':168,'pricingMode':'spot'}");
        assertThat(fromText.rental()).isEqualTo(structured);
        assertThat(fromText.understood()).startsWith("8 × h100-sxm · 168 hours · spot");
    }
}
