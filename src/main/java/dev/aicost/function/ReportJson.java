package dev.aicost.function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.aicost.report.CostReport;
import dev.aicost.report.ReportWriter;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * How the function writes a report: by hand ({@link ReportWriter}), with no reflective
 * introspection on a cold JVM's first request. ReportWriterTest holds it to Jackson's own output.
 */
@Singleton
public class ReportJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        // Doubles as the shortest decimal that reads back the same (Schubfach, what Java 19+'s own
        // Double.toString writes): ~10 % of writing a report on a C1-only JVM, and the same digits on
        // every JVM (Java 17's Double.toString sometimes writes 2.7129999999999997E21 for 2.713E21).
        mapper.getFactory().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature());
        mapper.registerModule(new SimpleModule("report-json").addSerializer(CostReport.class, new Serializer()));
    }

    static final class Serializer extends StdSerializer<CostReport> {
        private static final long serialVersionUID = 1L;

        Serializer() {
            super(CostReport.class);
        }

        @Override
        public void serialize(CostReport value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            ReportWriter.write(value, gen);
        }
    }
}
