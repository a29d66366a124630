package dev.aicost.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calibration tests read copies of the shared reference files (the project must build without
 * ../shared). Where ../shared is present, every one of its JSON files has an identical copy, so a
 * new or changed reference case cannot be left out of the calibration (and of the ranges).
 */
class ReferenceCopiesTest {
    static final Path SHARED = Path.of("../shared/reference");
    static final Path COPIES = Path.of("src/test/resources/reference");
    /** The shared files the calibration reads (CalibrationTableTest, TrainingCalibrationTest, InferenceCalibrationTest). */
    static final List<String> READ = List.of("training-runs.json", "training-throughput.json", "inference-runs.json",
            "inference-more.json");

    @Test
    void everySharedReferenceFileHasAnIdenticalCopyThatTheCalibrationReads() throws IOException {
        for (String name : READ) {
            assertThat(COPIES.resolve(name)).as(name).exists();
        }
        if (!Files.isDirectory(SHARED)) {
            return; // a clone without ../shared: the copies above are what the calibration reads
        }
        try (Stream<Path> files = Files.list(SHARED)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String name = p.getFileName().toString();
                assertThat(READ).as("a shared reference file the calibration does not read").contains(name);
                assertThat(Files.readString(COPIES.resolve(name))).as(name + " copy").isEqualTo(Files.readString(p));
            }
        }
    }
}
