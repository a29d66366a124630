package dev.aicost.engine;

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
final class ModelResolver {
    private final Catalog catalog;

    ModelResolver(Catalog catalog) {
        this.catalog = catalog;
    }

    ModelSpec resolve(ModelInput in, String path, Notes notes) {
        if (in.id() != null) {
            ModelSpec base = catalog.model(in.id()).orElseThrow();
            if (notes.on()) notes.assume(path + ".source", base.source().cite(), "architecture of " + base.name() + " from the catalog");
            return overridden(base, in, path, notes);
        }
        double params = in.parameters();
        double active = in.activeParameters() != null ? in.activeParameters() : params;
        if (in.activeParameters() == null) {
            if (notes.on()) notes.assume(path + ".activeParameters", Num.show(active), "dense model: every parameter is active per token");
        }
        String name = in.name() != null ? in.name() : "custom model";
        if (in.flopsPerRequest() != null && in.weightsBytes() != null) {
            return new ModelSpec("custom", name, ModelKind.OTHER, params, active, 0, 0, 0, 0, 0, 0, 0,
                    in.flopsPerRequest(), in.weightsBytes(), Source.request());
        }
        int hidden = in.hiddenSize() != null ? in.hiddenSize() : derivedHidden(active);
        if (in.hiddenSize() == null) {
            if (notes.on()) notes.assume(path + ".hiddenSize", hidden, "derived from active parameters: d ≈ (10·N)^(1/3), the aspect"
                    + " ratio of Llama-class models (N ≈ 12·layers·d², layers ≈ d/120)");
        }
        int layers = in.layers() != null ? in.layers() : (int) Math.max(1, Math.round(active / (12.0 * hidden * hidden)));
        if (in.layers() == null) {
            if (notes.on()) notes.assume(path + ".layers", layers, "derived: N ≈ 12·layers·d²");
        }
        int heads = in.attentionHeads() != null ? in.attentionHeads() : Math.max(1, hidden / 128);
        if (in.attentionHeads() == null) {
            if (notes.on()) notes.assume(path + ".attentionHeads", heads, "derived: head dimension 128");
        }
        int headDim = in.headDim() != null ? in.headDim() : Math.max(1, hidden / heads);
        if (in.headDim() == null) {
            if (notes.on()) notes.assume(path + ".headDim", headDim, "derived: hiddenSize / attentionHeads");
        }
        int kvHeads = in.kvHeads() != null ? in.kvHeads() : Math.min(8, heads);
        if (in.kvHeads() == null) {
            if (notes.on()) notes.assume(path + ".kvHeads", kvHeads, "grouped-query attention with 8 KV heads, as in Llama 3, Mistral"
                    + " and Qwen2.5; give kvHeads for a multi-head model (it grows the KV cache)");
        }
        int vocab = in.vocabSize() != null ? in.vocabSize() : 32_000;
        int context = in.contextLength() != null ? in.contextLength() : 8_192;
        if (in.contextLength() == null) {
            if (notes.on()) notes.assume(path + ".contextLength", context, "typical context window; only used to check request lengths");
        }
        return build("custom", name, params, active, layers, hidden, heads, kvHeads, headDim, vocab, context,
                Source.request(), path);
    }

    private ModelSpec overridden(ModelSpec b, ModelInput in, String path, Notes notes) {
        double params = pick(in.parameters(), b.parameters(), path + ".parameters", notes);
        double active = pick(in.activeParameters(), in.parameters() != null && in.activeParameters() == null
                && !b.mixtureOfExperts() ? params : b.activeParameters(), path + ".activeParameters", notes);
        int layers = pick(in.layers(), b.layers(), path + ".layers", notes);
        int hidden = pick(in.hiddenSize(), b.hiddenSize(), path + ".hiddenSize", notes);
        int heads = pick(in.attentionHeads(), b.attentionHeads(), path + ".attentionHeads", notes);
        int kv = pick(in.kvHeads(), b.kvHeads(), path + ".kvHeads", notes);
        int headDim = pick(in.headDim(), b.headDim(), path + ".headDim", notes);
        int vocab = pick(in.vocabSize(), b.vocabSize(), path + ".vocabSize", notes);
        int context = pick(in.contextLength(), b.contextLength(), path + ".contextLength", notes);
        String name = in.name() != null ? in.name() : b.name();
        if (b.kind() == ModelKind.OTHER) {
            double flops = pick(in.flopsPerRequest(), b.flopsPerRequest(), path + ".flopsPerRequest", notes);
            double weights = pick(in.weightsBytes(), b.weightsBytes(), path + ".weightsBytes", notes);
            return new ModelSpec(b.id(), name, ModelKind.OTHER, params, Math.min(active, params), 0, 0, 0, 0, 0, 0, 0,
                    flops, weights, b.source());
        }
        return build(b.id(), name, params, active, layers, hidden, heads, kv, headDim, vocab, context, b.source(), path);
    }

    private static ModelSpec build(String id, String name, double params, double active, int layers, int hidden,
            int heads, int kv, int headDim, int vocab, int context, Source source, String path) {
        if (active > params) {
            throw InvalidRequestException.of(path + ".activeParameters", "(" + Num.show(active)
                    + ") exceeds parameters (" + Num.show(params) + ")", "at most 'parameters'");
        }
        if (kv > heads) {
            throw InvalidRequestException.of(path + ".kvHeads", "(" + kv + ") exceeds attentionHeads (" + heads + ")",
                    "at most attentionHeads");
        }
        return new ModelSpec(id, name, ModelKind.LLM, params, active, layers, hidden, heads, kv, headDim, vocab, context,
                0, 0, source);
    }

    static int derivedHidden(double activeParameters) {
        int d = (int) Math.round(Math.cbrt(10.0 * activeParameters) / 128.0) * 128;
        return Math.max(128, d);
    }

    private static double pick(Double given, double base, String name, Notes notes) {
        if (given == null) {
            return base;
        }
        if (given != base) {
            if (notes.on()) notes.assume(name, Num.show(given), "overridden by the request (catalog: " + Num.show(base) + ")");
        }
        return given;
    }

    private static int pick(Integer given, int base, String name, Notes notes) {
        if (given == null) {
            return base;
        }
        if (given != base) {
            if (notes.on()) notes.assume(name, given, "overridden by the request (catalog: " + base + ")");
        }
        return given;
    }
}
