package dev.aicost.function;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The wire tests against the packaged artifact: with -Dnative, the native executable (run by the
 * CI workflow in .github/workflows/native.yml on a runner with Mandrel).
 */
@QuarkusIntegrationTest
class EstimateFunctionIT extends EstimateFunctionTest {
}
