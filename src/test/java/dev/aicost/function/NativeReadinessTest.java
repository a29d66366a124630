package dev.aicost.function;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.report.CostReport;
import dev.aicost.request.InvalidRequestException;
import dev.aicost.request.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What can be checked of the native build without GraalVM: reflection registration and code hygiene. */
class NativeReadinessTest {

    /** Every record reachable from CostReport (through fields and List elements). */
    static Set<Class<?>> reportTypes() {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(CostReport.class));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (!c.isRecord() || !seen.add(c)) {
                continue;
            }
            for (RecordComponent rc : c.getRecordComponents()) {
                todo.push(rc.getType());
                Type g = rc.getGenericType();
                if (g instanceof ParameterizedType pt) {
                    for (Type a : pt.getActualTypeArguments()) {
                        if (a instanceof Class<?> ac) {
                            todo.push(ac);
                        }
                    }
                }
            }
        }
        return seen;
    }

    @Test
    void everyTypeReturnedToCallersIsRegisteredForReflection() {
        RegisterForReflection r = NativeReflection.class.getAnnotation(RegisterForReflection.class);
        assertThat(r).isNotNull();
        Set<Class<?>> registered = Set.of(r.targets());
        Set<Class<?>> reachable = reportTypes();
        assertThat(reachable).hasSizeGreaterThan(10);
        assertThat(registered).containsAll(reachable);
    }

    @Test
    void theErrorBodyIsBuiltWithoutReflection() throws Exception {
        InvalidRequestException e = new InvalidRequestException(List.of(new Problem("a.b", "is wrong", "right"),
                new Problem("c", "is missing", null)));
        // A mapper that detects no getters, fields or creators cannot serialise any bean: if the body still
        // comes out whole, it is a tree (no reflection needed in the native image).
        ObjectMapper noBeans = JsonMapper.builder().disable(MapperFeature.AUTO_DETECT_GETTERS,
                MapperFeature.AUTO_DETECT_IS_GETTERS, MapperFeature.AUTO_DETECT_FIELDS,
                MapperFeature.AUTO_DETECT_CREATORS).build();
        assertThat(e.toJson()).isInstanceOf(ObjectNode.class);
        assertThat(noBeans.writeValueAsString(e.toJson())).isEqualTo(e.toString());
        assertThat(noBeans.readTree(e.toString()).at("/problems/0/path").asText()).isEqualTo("a.b");
        assertThat(noBeans.readTree(e.toString()).at("/problems/1").has("allowed")).isFalse();
    }

    @Test
    void mainCodeUsesNoRuntimeReflectionClassLoadingOrResourceScanning() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String s = Files.readString(f);
                assertThat(s).as(f.toString()).doesNotContain("Class.forName").doesNotContain("getDeclaredMethod")
                        .doesNotContain("getDeclaredField").doesNotContain("ServiceLoader").doesNotContain("getResources(")
                        .doesNotContain("setAccessible");
            }
        }
    }

    @Test
    void theEngineHasNoQuarkusImports() throws Exception {
        for (String pkg : List.of("engine", "catalog", "request", "report")) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/aicost", pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    assertThat(Files.readString(f)).as(f.toString()).doesNotContain("import io.quarkus")
                            .doesNotContain("import jakarta");
                }
            }
        }
    }
}
