package dev.aicost.engine.core;

import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.request.ModelInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A catalog model, with and without the request's overrides. */
class ModelResolverTest {
    static final Catalog CATALOG = Catalog.builtIn();
    static final ModelResolver RESOLVER = new ModelResolver(CATALOG);

    @Test
    void anIdAloneIsTheCatalogRowAndTheSameAsANoOpOverride() {
        for (ModelSpec m : CATALOG.models()) {
            ModelSpec alone = RESOLVER.resolve(ModelInput.ofId(m.id()), "model", Notes.silent());
            assertThat(alone).isSameAs(m);
            // Naming the model by its own name goes through the override path: the same values.
            ModelInput named = new ModelInput(m.id(), m.name(), null, null, null, null, null, null, null, null, null,
                    null, null, null);
            assertThat(named.onlyId()).isFalse();
            assertThat(RESOLVER.resolve(named, "model", Notes.silent())).as(m.id()).isEqualTo(m);
        }
    }

    @Test
    void anOverrideIsAppliedAndStated() {
        Notes notes = Notes.recorder();
        ModelInput wider = new ModelInput("llama-3.1-8b", null, null, null, null, null, null, null, null, null, 32_768,
                null, null, null);
        assertThat(wider.onlyId()).isFalse();
        ModelSpec m = RESOLVER.resolve(wider, "model", notes);
        assertThat(m.contextLength()).isEqualTo(32_768);
        assertThat(notes.assumptions()).anyMatch(a -> a.name().equals("model.contextLength"));
    }
}
