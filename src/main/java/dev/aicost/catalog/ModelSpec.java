package dev.aicost.catalog;

import java.util.Objects;

/**
 * A model's size and architecture. LLMs carry their transformer shape; other models
 * (kind {@link ModelKind#OTHER}) carry FLOPs per request and weight bytes instead.
 */
public record ModelSpec(
        String id,
        String name,
        ModelKind kind,
        double parameters,
        double activeParameters,
        int layers,
        int hiddenSize,
        int attentionHeads,
        int kvHeads,
        int headDim,
        int vocabSize,
        int contextLength,
        double flopsPerRequest,
        double weightsBytes,
        Source source,
        Architecture architecture) {

    /**
     * What a plain dense transformer does not have: routed experts (mixture-of-experts), a sliding
     * attention window, and multi-head latent attention (MLA, DeepSeek-V2/V3). Null fields: absent.
     */
    public record Architecture(Integer experts, Integer expertsPerToken, Integer slidingWindow, Mla mla,
            Integer moeLayers) {
        public static final Architecture DENSE = new Architecture(null, null, null, null, null);

        public Architecture(Integer experts, Integer expertsPerToken, Integer slidingWindow, Mla mla) {
            this(experts, expertsPerToken, slidingWindow, mla, null);
        }

        /** The fields given here, else those of {@code base}. */
        public Architecture over(Architecture base) {
            return new Architecture(experts != null ? experts : base.experts,
                    expertsPerToken != null ? expertsPerToken : base.expertsPerToken,
                    slidingWindow != null ? slidingWindow : base.slidingWindow, mla != null ? mla : base.mla,
                    moeLayers != null ? moeLayers : base.moeLayers);
        }
    }

    /**
     * Multi-head latent attention: keys and values are cached as one {@code kvLoraRank}-wide latent
     * plus a {@code qkRopeHeadDim}-wide rotary key per token and layer; heads attend with
     * {@code qkNopeHeadDim + qkRopeHeadDim}-wide queries and keys and {@code vHeadDim}-wide values.
     */
    public record Mla(int kvLoraRank, int qLoraRank, int qkNopeHeadDim, int qkRopeHeadDim, int vHeadDim) {
    }

    public ModelSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Checks.positive(parameters, id + ".parameters");
        Checks.positive(activeParameters, id + ".activeParameters");
        if (activeParameters > parameters * 1.0000001) {
            throw new IllegalArgumentException(id + ": activeParameters " + activeParameters
                    + " exceeds parameters " + parameters);
        }
        architecture = architecture == null ? Architecture.DENSE : architecture;
        if (architecture.experts() != null && architecture.expertsPerToken() != null
                && architecture.expertsPerToken() > architecture.experts()) {
            throw new IllegalArgumentException(id + ": expertsPerToken exceeds experts");
        }
        if (kind == ModelKind.LLM) {
            for (int v : new int[] {layers, hiddenSize, attentionHeads, kvHeads, headDim, vocabSize, contextLength}) {
                if (v < 1) {
                    throw new IllegalArgumentException(id + ": every architecture field must be >= 1");
                }
            }
        } else {
            Checks.positive(flopsPerRequest, id + ".flopsPerRequest");
            Checks.positive(weightsBytes, id + ".weightsBytes");
        }
    }

    public boolean mixtureOfExperts() {
        return activeParameters < parameters * 0.98;
    }

    /** KV-cache values per token and layer: keys and values for every KV head, or MLA's latent and rotary key. */
    public double kvValuesPerTokenPerLayer() {
        Mla m = architecture.mla();
        return m != null ? m.kvLoraRank() + m.qkRopeHeadDim() : 2.0 * kvHeads * headDim;
    }

    /**
     * Attention FLOPs per token per layer per token attended, over 4: heads × (query-key width + value
     * width) / 2, which is heads × headDim for a standard transformer. Prefill and training use it.
     */
    public double attentionWidth() {
        Mla m = architecture.mla();
        return m != null ? attentionHeads * (m.qkNopeHeadDim() + m.qkRopeHeadDim() + m.vHeadDim()) / 2.0
                : (double) attentionHeads * headDim;
    }

    /**
     * The same for a decode step. MLA decodes with the up-projections absorbed into the query and
     * output: each head scores the latent plus rotary key and mixes the latent, so the width is
     * heads × (2 · kvLoraRank + qkRopeHeadDim) / 2: wider than the prefill path.
     */
    public double decodeAttentionWidth() {
        Mla m = architecture.mla();
        return m != null ? attentionHeads * (2.0 * m.kvLoraRank() + m.qkRopeHeadDim()) / 2.0 : attentionWidth();
    }

    /**
     * Tokens a causal token attends to on average over a sequence of this length: half of it, or
     * with a sliding window w shorter than the sequence, w − w² / (2 · length).
     */
    public double causalAttendedTokens(double sequenceTokens) {
        Integer w = architecture.slidingWindow();
        if (w == null || w >= sequenceTokens) {
            return sequenceTokens / 2.0;
        }
        return w - (double) w * w / (2.0 * sequenceTokens);
    }

    /** Tokens a sequence of this length keeps in its KV cache and attends to: all, or the sliding window. */
    public double attendedTokens(double contextTokens) {
        Integer w = architecture.slidingWindow();
        return w == null ? contextTokens : Math.min(contextTokens, w);
    }

    /**
     * The share of the layers whose feed-forward block routes to experts: 1 for a mixture-of-experts model whose
     * every layer does (Mixtral), {@code moeLayers / layers} where dense layers alternate with them (Llama 4
     * Maverick: 24 of 48) or come first (DeepSeek-V3: 58 of 61); 0 for a dense model.
     */
    public double moeLayerShare() {
        if (!mixtureOfExperts()) {
            return 0;
        }
        Integer moe = architecture.moeLayers();
        return moe == null || layers <= 0 ? 1.0 : Math.min(1.0, (double) moe / layers);
    }

    /**
     * What routing costs per unit of work: each token's activations are dispatched to its k experts and combined
     * back in every layer that routes, k · hidden · routing layers values per token, against 2 · active FLOPs
     * per token: k · hidden · moeLayers / active. It grows with fine-grained routing (DeepSeek-V3: 8 experts of
     * 256 per token in 58 layers, 9.0e-5) and shrinks with large experts picked once (Llama 4 Scout: 1 of 16,
     * 1.4e-5; Maverick, whose dense and routing layers alternate: 7.2e-6). Zero for a dense model; a model
     * given without its routing is read as two experts per token.
     */
    public double routingPerActiveParameter() {
        if (!mixtureOfExperts()) {
            return 0;
        }
        Integer k = architecture.expertsPerToken();
        Integer moe = architecture.moeLayers();
        return (k != null ? k : 2) * (double) hiddenSize * (moe != null ? Math.min(moe, layers) : layers) / activeParameters;
    }

    /**
     * Parameters in routed experts: with E experts of which k run per token, total = shared + routed
     * and active = shared + routed · k / E. Zero for a dense model.
     */
    public double routedExpertParameters() {
        Integer e = architecture.experts();
        Integer k = architecture.expertsPerToken();
        if (!mixtureOfExperts() || e == null || k == null || k >= e) {
            return 0;
        }
        return Math.min(parameters, (parameters - activeParameters) / (1.0 - (double) k / e));
    }

    /**
     * Share of the routed experts a decode step of {@code batch} tokens reads: each layer's experts hit
     * at least once when every token picks k of E at random, E · (1 − (1 − k/E)^batch), over E.
     */
    public double expertCoverage(double batch) {
        Integer e = architecture.experts();
        Integer k = architecture.expertsPerToken();
        if (e == null || k == null) {
            return 1.0;
        }
        return 1.0 - Math.pow(1.0 - (double) k / e, batch);
    }
}
