package dev.aicost.engine.core;

import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.ModelKind;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.catalog.Source;
import dev.aicost.request.InvalidRequestException;
import dev.aicost.request.ModelInput;

/**
 * Turns the request's model into a complete {@link ModelSpec}: a catalog row with the request's
 * overrides, or a custom model whose missing architecture is derived from its size (stated).
 */
public final class ModelResolver {
    private final Catalog catalog;

    public ModelResolver(Catalog catalog) {
        this.catalog = catalog;
    }

    public ModelSpec resolve(ModelInput in, String path, Notes notes) {
        if (in.id() != null) {
            ModelSpec base = catalog.model(in.id()).orElseThrow();
            notes.assume(path, ".source", base.source().cite(), () -> "architecture of " + base.name() + " from the catalog");
            // An id alone is the catalog row itself (every run of a request resolves its model again).
            return in.onlyId() ? base : overridden(base, in, path, notes);
        }
        double params = in.parameters();
        double active = in.activeParameters() != null ? in.activeParameters() : params;
        if (in.activeParameters() == null) {
            notes.assume(path, ".activeParameters", Num.shown(active), "dense model: every parameter is active per token");
        }
        String name = in.name() != null ? in.name() : "custom model";
        if (in.flopsPerRequest() != null && in.weightsBytes() != null) {
            return new ModelSpec("custom", name, ModelKind.OTHER, params, active, 0, 0, 0, 0, 0, 0, 0,
                    in.flopsPerRequest(), in.weightsBytes(), Source.request(), null);
        }
        int hidden = notes.orDefault(in.hiddenSize(), derivedHidden(active), path, ".hiddenSize",
                "derived from active parameters: d ≈ (10·N)^(1/3), the aspect"
                    + " ratio of Llama-class models (N ≈ 12·layers·d², layers ≈ d/120)");
        int layers = notes.orDefault(in.layers(), (int) Math.max(1, Math.round(active / (12.0 * hidden * hidden))), path, ".layers",
                "derived: N ≈ 12·layers·d²");
        int heads = notes.orDefault(in.attentionHeads(), Math.max(1, hidden / 128), path, ".attentionHeads",
                "derived: head dimension 128");
        int headDim = notes.orDefault(in.headDim(), Math.max(1, hidden / heads), path, ".headDim",
                "derived: hiddenSize / attentionHeads");
        int kvHeads = notes.orDefault(in.kvHeads(), Math.min(8, heads), path, ".kvHeads",
                "grouped-query attention with 8 KV heads, as in Llama 3, Mistral"
                    + " and Qwen2.5; give kvHeads for a multi-head model (it grows the KV cache)");
        int vocab = in.vocabSize() != null ? in.vocabSize() : 32_000;
        int context = notes.orDefault(in.contextLength(), 8_192, path, ".contextLength",
                "typical context window; only used to check request lengths");
        ModelSpec.Architecture arch = in.architecture() != null ? in.architecture() : ModelSpec.Architecture.DENSE;
        if (active < params * 0.98 && (arch.experts() == null || arch.expertsPerToken() == null)) {
            int e = arch.experts() != null ? arch.experts() : 8;
            int k = arch.expertsPerToken() != null ? arch.expertsPerToken() : Math.min(2, e);
            notes.assume(path, ".experts", e + " experts, " + k + " per token", "a mixture-of-experts model given "
                    + "without its routing: Mixtral's layout (give experts and expertsPerToken; decode reads the "
                    + "experts a batch touches)");
            arch = new ModelSpec.Architecture(e, k, arch.slidingWindow(), arch.mla(), arch.moeLayers());
        }
        return build("custom", name, params, active, layers, hidden, heads, kvHeads, headDim, vocab, context,
                Source.request(), path, arch);
    }

    private ModelSpec overridden(ModelSpec b, ModelInput in, String path, Notes notes) {
        double params = notes.orCatalog(in.parameters(), b.parameters(), path, ".parameters");
        double active = notes.orCatalog(in.activeParameters(), in.parameters() != null && in.activeParameters() == null
                && !b.mixtureOfExperts() ? params : b.activeParameters(), path, ".activeParameters");
        int layers = notes.orCatalog(in.layers(), b.layers(), path, ".layers");
        int hidden = notes.orCatalog(in.hiddenSize(), b.hiddenSize(), path, ".hiddenSize");
        int heads = notes.orCatalog(in.attentionHeads(), b.attentionHeads(), path, ".attentionHeads");
        int kv = notes.orCatalog(in.kvHeads(), b.kvHeads(), path, ".kvHeads");
        int headDim = notes.orCatalog(in.headDim(), b.headDim(), path, ".headDim");
        int vocab = notes.orCatalog(in.vocabSize(), b.vocabSize(), path, ".vocabSize");
        int context = notes.orCatalog(in.contextLength(), b.contextLength(), path, ".contextLength");
        String name = in.name() != null ? in.name() : b.name();
        if (b.kind() == ModelKind.OTHER) {
            double flops = notes.orCatalog(in.flopsPerRequest(), b.flopsPerRequest(), path, ".flopsPerRequest");
            double weights = notes.orCatalog(in.weightsBytes(), b.weightsBytes(), path, ".weightsBytes");
            return new ModelSpec(b.id(), name, ModelKind.OTHER, params, Math.min(active, params), 0, 0, 0, 0, 0, 0, 0,
                    flops, weights, b.source(), null);
        }
        ModelSpec.Architecture arch = in.architecture() == null ? b.architecture()
                : in.architecture().over(b.architecture());
        return build(b.id(), name, params, active, layers, hidden, heads, kv, headDim, vocab, context, b.source(), path,
                arch);
    }

    private static ModelSpec build(String id, String name, double params, double active, int layers, int hidden,
            int heads, int kv, int headDim, int vocab, int context, Source source, String path,
            ModelSpec.Architecture arch) {
        // The reader checks these when the request gives both values; only here are catalog values and
        // the request's overrides combined (e.g. a catalog MoE whose parameters are overridden below its
        // active count), so this is where the combination is refused.
        if (active > params) {
            throw InvalidRequestException.of(path + ".activeParameters", "(" + Num.show(active)
                    + ") exceeds parameters (" + Num.show(params) + ")", "at most 'parameters'");
        }
        if (kv > heads) {
            throw InvalidRequestException.of(path + ".kvHeads", "(" + kv + ") exceeds attentionHeads (" + heads + ")",
                    "at most attentionHeads");
        }
        if (arch.moeLayers() != null && arch.experts() == null) {
            throw InvalidRequestException.of(path + ".moeLayers", "(" + arch.moeLayers() + ") exceeds the model's "
                    + "layers that route to experts: it has none", "experts and expertsPerToken with it, or no moeLayers");
        }
        if (arch.moeLayers() != null && arch.moeLayers() > layers) {
            throw InvalidRequestException.of(path + ".moeLayers", "(" + arch.moeLayers() + ") exceeds layers (" + layers
                    + ")", "at most 'layers': the layers whose feed-forward block routes to experts");
        }
        if (arch.experts() != null && arch.expertsPerToken() != null && arch.expertsPerToken() > arch.experts()) {
            throw InvalidRequestException.of(path + ".expertsPerToken", "(" + arch.expertsPerToken()
                    + ") exceeds experts (" + arch.experts() + ")", "at most 'experts'");
        }
        return new ModelSpec(id, name, ModelKind.LLM, params, active, layers, hidden, heads, kv, headDim, vocab, context,
                0, 0, source, arch);
    }

    public static int derivedHidden(double activeParameters) {
        int d = (int) Math.round(Math.cbrt(10.0 * activeParameters) / 128.0) * 128;
        return Math.max(128, d);
    }
}
