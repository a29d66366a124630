package dev.aicost.function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicost.api.Estimator;
import io.quarkus.runtime.ImageMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * On the JVM, parses the catalog, runs one estimate and serialises its report on a background
 * thread as soon as Quarkus has started, so that requests do not pay for class loading, catalog
 * parsing and Jackson's first look at the report types (about 100 ms on a cold JVM) when they
 * arrive later; with SnapStart the warmed state is in the snapshot. Native images skip it: their
 * catalog is parsed at build time and they have no class loading to warm.
 */
@Singleton
public class Warmup {
    private static final Logger LOG = Logger.getLogger(Warmup.class);
    static final String REQUEST = "{\"model\":{\"id\":\"llama-3.1-8b\"},\"training\":{\"kind\":\"lora\",\"tokens\":1e8},"
            + "\"inference\":{\"requestsPerDay\":10000,\"latencyTargetMs\":{\"tpotMs\":50}}}";

    void onStart(@Observes StartupEvent event, ObjectMapper mapper, Instance<Estimator> engine) {
        if (ImageMode.current() != ImageMode.JVM) {
            return;
        }
        // The engine (and the catalog it parses) is created on the warm-up thread, not during startup.
        Thread t = new Thread(() -> warm(mapper, engine.get()), "estimate-warmup");
        t.setDaemon(true);
        t.start();
    }

    static void warm(ObjectMapper mapper, Estimator engine) {
        try {
            mapper.writeValueAsString(engine.estimate(mapper.readTree(REQUEST)));
        } catch (Exception | LinkageError e) {
            // Warming is an optimisation only: a failure here must not stop the function starting.
            LOG.debug(JsonLine.of("DEBUG", "warm-up skipped", "failure", e.getClass().getSimpleName()));
        }
    }
}
