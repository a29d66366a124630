package dev.aicost.catalog;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One accelerator's specs: dense peak throughput per precision, memory, bandwidth and power.
 * Immutable; figures are in SI units (FLOP/s, bytes, bytes/s, W).
 *
 * @param trainingCeiling the share of the bf16 peak a tuned training stack reaches on a very wide dense
 *        model on this architecture, before the width, model-parallel and mixture-of-experts losses of
 *        the utilisation model (fitted on published framework throughput; null: not published)
 * @param servingShare the share of the serving efficiencies (calibrated on NVIDIA GPUs) that published
 *        serving figures on this accelerator reach on a typical stack (vLLM, SGLang; null: 1)
 * @param tunedServingShare the same on a tuned, vendor-optimised stack (null: as {@code servingShare})
 */
public record Accelerator(
        String id,
        String name,
        String vendor,
        Map<Precision, Double> peakTflops,
        double memoryGb,
        double bandwidthGBs,
        double tdpW,
        String interconnect,
        double interconnectGBs,
        double purchaseUsd,
        Double trainingCeiling,
        Double servingShare,
        Double tunedServingShare,
        Source source) {

    /** An accelerator whose tuned stacks reach the same share as its typical ones. */
    public Accelerator(String id, String name, String vendor, Map<Precision, Double> peakTflops, double memoryGb,
            double bandwidthGBs, double tdpW, String interconnect, double interconnectGBs, double purchaseUsd,
            Double trainingCeiling, Double servingShare, Source source) {
        this(id, name, vendor, peakTflops, memoryGb, bandwidthGBs, tdpW, interconnect, interconnectGBs, purchaseUsd,
                trainingCeiling, servingShare, null, source);
    }

    public Accelerator {
        Objects.requireNonNull(id, "id");
        Checks.positive(memoryGb, id + ".memoryGb");
        Checks.positive(bandwidthGBs, id + ".bandwidthGBs");
        Checks.positive(tdpW, id + ".tdpW");
        Checks.positive(interconnectGBs, id + ".interconnectGBs");
        Checks.positive(purchaseUsd, id + ".purchaseUsd");
        if (servingShare != null && !(servingShare > 0 && servingShare <= 1)) {
            throw new IllegalArgumentException(id + ": servingEfficiency must be in (0, 1], got " + servingShare);
        }
        if (tunedServingShare != null && !(tunedServingShare > 0 && tunedServingShare <= 1)) {
            throw new IllegalArgumentException(id + ": tunedServingEfficiency must be in (0, 1], got "
                    + tunedServingShare);
        }
        if (trainingCeiling != null && !(trainingCeiling > 0 && trainingCeiling <= 1)) {
            throw new IllegalArgumentException(id + ": trainingCeiling must be in (0, 1], got " + trainingCeiling);
        }
        EnumMap<Precision, Double> copy = new EnumMap<>(Precision.class);
        peakTflops.forEach((p, v) -> copy.put(p, Checks.positive(v, id + ".peak." + p)));
        if (!copy.containsKey(Precision.BF16)) {
            throw new IllegalArgumentException(id + ": a bf16/fp16 peak is required");
        }
        peakTflops = Collections.unmodifiableMap(copy);
    }

    /** Share of the calibrated serving efficiencies this accelerator reaches on a typical stack (vLLM, SGLang). */
    public double servingEfficiency() {
        return servingShare != null ? servingShare : 1.0;
    }

    /**
     * The share on the stack named: a vendor-optimised runtime (MLPerf-class) may reach far more of a part
     * than the open-source server does (MI300X: 0.3 on vLLM as deployed, 0.74 in AMD's MLPerf harness).
     */
    public double servingEfficiency(boolean tunedStack) {
        return tunedStack && tunedServingShare != null ? tunedServingShare : servingEfficiency();
    }

    /** Native tensor peak for a precision, if the hardware has one; fp16 shares the bf16 rate. */
    public OptionalDouble nativePeakFlops(Precision precision) {
        Precision key = precision == Precision.FP16 ? Precision.BF16 : precision;
        Double tflops = peakTflops.get(key);
        return tflops == null ? OptionalDouble.empty() : OptionalDouble.of(tflops * 1e12);
    }

    public double bf16PeakFlops() {
        return peakTflops.get(Precision.BF16) * 1e12;
    }

    public double memoryBytes() {
        return memoryGb * 1e9;
    }

    public double bandwidthBytesPerSecond() {
        return bandwidthGBs * 1e9;
    }

    public double interconnectBytesPerSecond() {
        return interconnectGBs * 1e9;
    }

    /** Peak bf16 FLOPs per byte of memory bandwidth: how hard the chip is to keep busy. */
    public double machineBalance() {
        return bf16PeakFlops() / bandwidthBytesPerSecond();
    }

    /**
     * Accelerators that share one scale-up fabric: a rack-scale NVLink domain (GB200 NVL72: 72 GPUs, the
     * interconnect named '…-nvl72') or, for everything else, the 8 of one server; tensor parallel beyond it
     * crosses the slower scale-out network.
     */
    public int scaleUpDomain() {
        return interconnect.endsWith("-nvl72") ? 72 : 8;
    }

    /** PCIe/Ethernet-linked parts pay more per collective than NVLink-class fabrics. */
    public boolean fastInterconnect() {
        return !(interconnect.startsWith("pcie") || interconnect.startsWith("ethernet"));
    }
}
