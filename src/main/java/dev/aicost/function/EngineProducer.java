package dev.aicost.function;

import dev.aicost.api.Estimator;
import dev.aicost.catalog.Catalog;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one engine of the function: the plain-Java engine over the bundled catalog, as a CDI bean. */
@Singleton
public class EngineProducer {

    @Produces
    @Singleton
    Estimator engine() {
        return new Estimator(Catalog.builtIn());
    }
}
