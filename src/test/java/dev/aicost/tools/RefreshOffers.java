package dev.aicost.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Refreshes the rows of {@code catalog/offers.psv} from a provider's own machine-readable price list:
 * the AWS Price List offer file for EC2 ({@code https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/
 * AmazonEC2/current/<region>/index.json}) or the Azure Retail Prices API's JSON ({@code
 * https://prices.azure.com/api/retail/prices?$filter=armSkuName eq '…'}). Each offer of that provider whose
 * instance and region the file prices gets its on-demand price (and, where the file has them, spot and 1-
 * and 3-year commitments) per accelerator-hour, the file as its source and the file's date; every other row
 * and every other column is left as it is.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.aicost.tools.RefreshOffers \
 *     aws|azure PRICE-LIST.json src/main/resources/catalog/offers.psv YYYY-MM-DD
 * </pre>
 */
public final class RefreshOffers {
    static final double HOURS_PER_YEAR = 8760;

    private RefreshOffers() {
    }

    /** Prices per instance-hour for one instance type in one region; null where the file has none. */
    record InstancePrices(Double onDemand, Double spot, Double commit1y, Double commit3y) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4 || !(args[0].equals("aws") || args[0].equals("azure"))) {
            System.err.println("usage: RefreshOffers aws|azure PRICE-LIST.json offers.psv YYYY-MM-DD");
            System.exit(2);
        }
        JsonNode list = new ObjectMapper().readTree(Path.of(args[1]).toFile());
        Path psv = Path.of(args[2]);
        String out = refresh(Files.readString(psv), args[0], list, args[3]);
        Files.writeString(psv, out);
    }

    /** The offers file with the provider's rows refreshed from its price list. */
    static String refresh(String offers, String provider, JsonNode list, String date) {
        String[] lines = offers.split("\n", -1);
        String[] header = null;
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (header == null && line.startsWith("id ")) {
                header = line.split("\\|");
                for (int i = 0; i < header.length; i++) {
                    header[i] = header[i].trim();
                }
                out.add(line);
                continue;
            }
            if (header == null || line.startsWith("#") || line.isBlank()) {
                out.add(line);
                continue;
            }
            String[] cells = line.split("\\|", -1);
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                col.put(header[i], i);
            }
            if (!cells[col.get("provider")].trim().equals(provider)) {
                out.add(line);
                continue;
            }
            String instance = cells[col.get("instance")].trim();
            String region = cells[col.get("region")].trim();
            InstancePrices p = provider.equals("aws") ? aws(list, instance, region) : azure(list, instance, region);
            if (p == null || p.onDemand() == null) {
                out.add(line);
                continue;
            }
            double per = Double.parseDouble(cells[col.get("perInstance")].trim());
            set(cells, col.get("onDemand"), p.onDemand() / per);
            set(cells, col.get("spot"), p.spot() == null ? null : p.spot() / per);
            set(cells, col.get("commit1y"), p.commit1y() == null ? null : p.commit1y() / per);
            set(cells, col.get("commit3y"), p.commit3y() == null ? null : p.commit3y() / per);
            cells[col.get("source")] = " " + (provider.equals("aws") ? "AWS Price List offer file (AmazonEC2, "
                    + list.path("publicationDate").asText("?") + "): " + instance + " Linux shared on-demand $"
                    + figures(p.onDemand()) + "/h; commitments: 1- and 3-year standard reserved, no upfront"
                    : "Azure Retail Prices API: " + instance + " pay-as-you-go $" + figures(p.onDemand())
                    + "/h; spot and 1- and 3-year reservations from the same list") + " ";
            cells[col.get("date")] = " " + date + " ";
            cells[col.get("status")] = " confirmed";
            out.add(String.join("|", cells));
        }
        return String.join("\n", out);
    }

    /** A refreshed price keeps its cell; a price the list lacks keeps the cell's old value. */
    private static void set(String[] cells, int i, Double perAccelerator) {
        if (perAccelerator != null) {
            cells[i] = " " + figures(perAccelerator) + " ";
        }
    }

    static InstancePrices aws(JsonNode file, String instance, String region) {
        String sku = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = file.path("products").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode a = e.getValue().path("attributes");
            if (instance.equals(a.path("instanceType").asText()) && region.equals(a.path("regionCode").asText())
                    && "Linux".equals(a.path("operatingSystem").asText()) && "Shared".equals(a.path("tenancy").asText())
                    && "NA".equals(a.path("preInstalledSw").asText())
                    && "Used".equals(a.path("capacitystatus").asText("Used"))
                    // A recorded file lists the Capacity Block product of the same instance beside the
                    // on-demand one, same attributes but these two, at $0.00 an hour (blocks are priced apart).
                    && "RunInstances".equals(a.path("operation").asText("RunInstances"))
                    && "OnDemand".equals(a.path("marketoption").asText("OnDemand"))) {
                sku = e.getKey();
            }
        }
        if (sku == null) {
            return null;
        }
        Double onDemand = hourly(file.path("terms").path("OnDemand").path(sku), null);
        Double y1 = hourly(file.path("terms").path("Reserved").path(sku), "1yr");
        Double y3 = hourly(file.path("terms").path("Reserved").path(sku), "3yr");
        return new InstancePrices(onDemand, null, y1, y3);
    }

    /** The hourly USD price of a term (for reserved ones: standard, no upfront, of that length). */
    private static Double hourly(JsonNode terms, String lease) {
        for (JsonNode term : terms) {
            JsonNode t = term.path("termAttributes");
            if (lease != null && !(lease.equals(t.path("LeaseContractLength").asText())
                    && "standard".equals(t.path("OfferingClass").asText())
                    && "No Upfront".equals(t.path("PurchaseOption").asText()))) {
                continue;
            }
            for (JsonNode d : term.path("priceDimensions")) {
                double usd = Double.parseDouble(d.path("pricePerUnit").path("USD").asText());
                if ("Hrs".equals(d.path("unit").asText()) && usd > 0) { // a zero rate is no price
                    return usd;
                }
            }
        }
        return null;
    }

    static InstancePrices azure(JsonNode file, String sku, String region) {
        Double onDemand = null;
        Double spot = null;
        Double y1 = null;
        Double y3 = null;
        for (JsonNode item : file.path("Items")) {
            if (!sku.equals(item.path("armSkuName").asText()) || !region.equals(item.path("armRegionName").asText())
                    || item.path("productName").asText().contains("Windows")) {
                continue;
            }
            double price = item.path("retailPrice").asDouble();
            String name = item.path("skuName").asText() + " " + item.path("meterName").asText();
            if ("Reservation".equals(item.path("type").asText())) {
                // A reservation's retail price is the whole term's.
                if ("1 Year".equals(item.path("reservationTerm").asText())) {
                    y1 = price / HOURS_PER_YEAR;
                } else if ("3 Years".equals(item.path("reservationTerm").asText())) {
                    y3 = price / (3 * HOURS_PER_YEAR);
                }
            } else if (name.contains("Spot")) {
                spot = price;
            } else if (!name.contains("Low Priority")) {
                onDemand = price;
            }
        }
        return onDemand == null ? null : new InstancePrices(onDemand, spot, y1, y3);
    }

    static String figures(double v) {
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
