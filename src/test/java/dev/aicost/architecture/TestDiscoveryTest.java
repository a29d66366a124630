package dev.aicost.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every class with tests runs in {@code ./mvnw verify}: its top-level name matches Surefire's default
 * includes ({@code Test*}, {@code *Test}, {@code *Tests}, {@code *TestCase}) or Failsafe's
 * ({@code *IT}, the native-image tests). A class named otherwise would compile and never run.
 */
class TestDiscoveryTest {
    static final List<String> TEST_ANNOTATIONS = List.of("org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest", "org.junit.jupiter.api.RepeatedTest",
            "org.junit.jupiter.api.TestFactory", "org.junit.jupiter.api.TestTemplate");

    @Test
    void everyClassWithTestsMatchesTheRunnersPatterns() {
        JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("dev.aicost");
        Set<String> withTests = new TreeSet<>();
        Set<String> leftOut = new TreeSet<>();
        for (JavaClass c : tests) {
            boolean hasTests = c.getMethods().stream()
                    .anyMatch(m -> TEST_ANNOTATIONS.stream().anyMatch(m::isAnnotatedWith));
            if (!hasTests) {
                continue;
            }
            String top = c.getName().replaceAll("\\$.*", "");
            String simple = top.substring(top.lastIndexOf('.') + 1);
            withTests.add(top);
            if (!(simple.startsWith("Test") || simple.endsWith("Test") || simple.endsWith("Tests")
                    || simple.endsWith("TestCase") || simple.endsWith("IT"))) {
                leftOut.add(top);
            }
        }
        assertThat(withTests).as("test classes found").hasSizeGreaterThan(40);
        assertThat(leftOut).as("classes with tests that neither Surefire nor Failsafe would run").isEmpty();
    }
}
