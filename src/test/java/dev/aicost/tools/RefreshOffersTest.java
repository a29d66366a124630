package dev.aicost.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog refresh on price lists in AWS's and Azure's own formats (src/test/resources/refresh). */
class RefreshOffersTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path OFFERS = Path.of("src/main/resources/catalog/offers.psv");

    static List<String> row(String psv, String id) {
        for (String line : psv.split("\n")) {
            if (line.startsWith(id + " ")) {
                return List.of(line.split("\\|")).stream().map(String::trim).toList();
            }
        }
        throw new AssertionError("no row " + id);
    }

    /** The offers file refreshed from a price list recorded in src/test/resources/refresh. */
    static String refreshed(String before, String provider, String list, String date) throws IOException {
        return RefreshOffers.refresh(before, provider, JSON.readTree(Path.of("src/test/resources/refresh", list)
                .toFile()), date);
    }

    @Test
    void anAwsOfferFileRefreshesTheLinuxSharedPricesPerAccelerator() throws IOException {
        String before = Files.readString(OFFERS);
        String after = refreshed(before, "aws", "aws-offer-file.json", "2026-11-20");
        List<String> p5 = row(after, "aws-p5-h100");
        // $52/h Linux shared on-demand (not Windows' $60, not dedicated's $58) over 8 GPUs; spot untouched;
        // 1- and 3-year standard no-upfront reservations ($32, $20; not all-upfront, not convertible).
        assertThat(p5.subList(6, 10)).containsExactly("6.5", row(before, "aws-p5-h100").get(7), "4", "2.5");
        assertThat(p5.get(13)).startsWith("AWS Price List offer file (AmazonEC2, 2026-11-20T00:00:00Z): p5.48xlarge");
        assertThat(p5.subList(14, 16)).containsExactly("2026-11-20", "confirmed");
        // The capacity block shares the instance name only in part: it is left alone, as are other providers.
        assertThat(row(after, "aws-p5-h100-block")).isEqualTo(row(before, "aws-p5-h100-block"));
        assertThat(row(after, "azure-nd-h100-v5")).isEqualTo(row(before, "azure-nd-h100-v5"));
        // Rows the list does not price keep everything.
        long changed = before.lines().filter(l -> !after.contains(l)).count();
        assertThat(changed).isBetween(1L, 2L); // p5 and, if the catalog rents it, g6.xlarge
        assertThat(after.lines().count()).isEqualTo(before.lines().count());
    }

    @Test
    void anAzureRetailPricesPageRefreshesPayAsYouGoSpotAndReservations() throws IOException {
        String before = Files.readString(OFFERS);
        String after = refreshed(before, "azure", "azure-retail-prices.json", "2026-10-01");
        List<String> nd = row(after, "azure-nd-h100-v5");
        // $96/h east US Linux (not Windows, not west Europe) / 8; spot $28.80 / 8; reservations are whole-term
        // prices: $490,560 / 8,760 h / 8 = $7.00, $893,520 / 26,280 h / 8 = $4.25.
        assertThat(nd.subList(6, 10)).containsExactly("12", "3.6", "7", "4.25");
        assertThat(nd.get(13)).startsWith("Azure Retail Prices API: Standard_ND96isr_H100_v5");
        assertThat(nd.subList(14, 16)).containsExactly("2026-10-01", "confirmed");
        assertThat(row(after, "aws-p5-h100")).isEqualTo(row(before, "aws-p5-h100"));
    }

    @Test
    void aRecordedAwsOfferFileRefreshesTheOnDemandRowAndNotTheZeroPricedCapacityBlock() throws IOException {
        // A real excerpt of the AmazonEC2 offer file for us-east-1 (publication 2024-05-28), recorded in
        // opencost/opencost pkg/cloud/aws/testdata/pricing-us-east-1.json (Apache-2.0): p4d.24xlarge on
        // demand at $32.7726 an hour, and the same instance's Capacity Block product at $0.00.
        String before = Files.readString(OFFERS);
        String after = refreshed(before, "aws", "aws-offer-file-recorded.json", "2024-05-28");
        List<String> p4d = row(after, "aws-p4d-a100-40");
        // $32.7726 / 8 GPUs = $4.0966 per GPU-hour, four figures; the file has no reserved terms: kept.
        assertThat(p4d.subList(6, 10)).containsExactly("4.097", row(before, "aws-p4d-a100-40").get(7),
                row(before, "aws-p4d-a100-40").get(8), row(before, "aws-p4d-a100-40").get(9));
        assertThat(p4d.get(13)).startsWith("AWS Price List offer file (AmazonEC2, 2024-05-28T20:35:22Z): p4d.24xlarge "
                + "Linux shared on-demand $32.77/h");
        // Nothing else changes: the capacity block row is a separate offer, and no row is priced at zero.
        assertThat(row(after, "aws-p4d-a100-40-block")).isEqualTo(row(before, "aws-p4d-a100-40-block"));
        assertThat(before.lines().filter(l -> !after.contains(l)).count()).isEqualTo(1);
    }
}
