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
        // lambda-b200 rents B200s eight to an instance, gpu_8x_b200_sxm6 at $6.69 per GPU-hour → 8 × 10 h × $6.69.
        RentalReport r = quote("{'accelerator':'b200','accelerators':1,'hours':10,'offer':'lambda-b200'}");
        assertThat(r.instances()).isEqualTo(1);
        assertThat(r.billedAccelerators()).isEqualTo(8);
        assertThat(r.costUsd()).isCloseTo(535.2, within(1e-9));
        // Named by no one, the quote is Lambda's one-B200 instance: 10 h × $6.99.
        assertThat(quote("{'accelerator':'b200','accelerators':1,'hours':10}").costUsd()).isCloseTo(69.9, within(1e-9));
        CostReport full = API.estimate(JSON.readTree("{\"rental\":{\"accelerator\":\"b200\",\"accelerators\":1,"
                + "\"hours\":10,\"offer\":\"lambda-b200\"}}"));
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

    @Test
    void eachWarningSaysWhatItShouldAndOnlyWhenItApplies() throws Exception {
        // Eight H100s on single-GPU marketplace instances: whole, on demand, a 2026 price: nothing to warn about.
        CostReport exact = API.estimate(JSON.readTree("{\"rental\":{\"accelerator\":\"h100-sxm\",\"accelerators\":8,"
                + "\"hours\":24,\"pricingMode\":\"on-demand\",\"offer\":\"market-h100-sxm\"}}"));
        assertThat(exact.warnings()).isEmpty();
        assertThat(exact.assumptions()).anyMatch(a -> a.name().equals("rental.offer") && a.value().equals("market-h100-sxm")
                && a.reason().startsWith("as named: market marketplace 1x H100 SXM"));
        assertThat(exact.assumptions()).noneMatch(a -> a.name().equals("rental.pricingMode"));
        // Nine of them: two instances, sixteen billed; a commitment's term; spot; a price older than a year.
        CostReport nine = API.estimate(JSON.readTree("{\"rental\":{\"accelerator\":\"h100-sxm\",\"accelerators\":9,"
                + "\"hours\":24,\"offer\":\"lambda-h100-sxm\"}}"));
        assertThat(nine.warnings()).contains("Offer 'lambda-h100-sxm' rents 8 × h100-sxm per instance "
                + "(gpu_8x_h100_sxm5): 2 instances bill 16 accelerators for the 9 asked.");
        assertThat(nine.assumptions()).anyMatch(a -> a.name().equals("rental.pricingMode") && a.value().equals("on-demand"));
        CostReport committed = API.estimate(JSON.readTree("{\"rental\":{\"accelerator\":\"h100-sxm\","
                + "\"accelerators\":8,\"hours\":8760,\"pricingMode\":\"commit-1y\",\"offer\":\"aws-p5-h100\"}}"));
        assertThat(committed.warnings()).noneMatch(w -> w.contains("whole term")); // exactly the term
        CostReport shortTerm = API.estimate(JSON.readTree("{\"rental\":{\"accelerator\":\"h100-sxm\","
                + "\"accelerators\":8,\"hours\":100,\"pricingMode\":\"commit-1y\",\"offer\":\"aws-p5-h100\"}}"));
        assertThat(shortTerm.warnings()).contains("A commit-1y commitment bills its whole term: 8760 hours, "
                + "not the 100.0 asked.");
        CostReport spot = API.estimate(JSON.readTree("{\"rental\":{\"accelerator\":\"h100-sxm\",\"accelerators\":1,"
                + "\"hours\":5,\"pricingMode\":\"spot\",\"offer\":\"market-h100-sxm\"}}"));
        assertThat(spot.warnings()).containsExactly("Spot capacity can be reclaimed at short notice: checkpoint, and "
                + "expect some hours redone.");
        CostReport old = API.estimate(JSON.readTree("{\"rental\":{\"accelerator\":\"h200\",\"accelerators\":8,"
                + "\"hours\":5,\"offer\":\"coreweave-h200\"}}"));
        assertThat(old.warnings()).anyMatch(w -> w.startsWith("Prices of offer 'coreweave-h200' date from 2025-03-01"));
    }

    @Test
    void aModeNoOfferSellsIsRefused() {
        assertThatThrownBy(() -> quote("{'accelerator':'b200','accelerators':8,'hours':5,'pricingMode':'spot'}"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems().get(0).problem())
                        .isEqualTo("no catalog offer of b200 has a spot price"));
    }
}
