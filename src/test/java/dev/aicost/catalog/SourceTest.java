package dev.aicost.catalog;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A source is a value: equal by its text, date and status. */
class SourceTest {
    static final LocalDate DAY = LocalDate.of(2025, 6, 17);

    @Test
    void equalByEveryComponentAndHashedAlike() {
        Source a = new Source("NVIDIA H100 datasheet", DAY, "secondary");
        Source same = new Source(new String("NVIDIA H100 datasheet"), LocalDate.of(2025, 6, 17), "secondary");
        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(a).isNotEqualTo(new Source("NVIDIA H100 datasheet ", DAY, "secondary"))
                .isNotEqualTo(new Source("NVIDIA H100 datasheet", DAY.plusDays(1), "secondary"))
                .isNotEqualTo(new Source("NVIDIA H100 datasheet", DAY, "primary"))
                .isNotEqualTo(null)
                .isNotEqualTo("NVIDIA H100 datasheet");
    }

    @Test
    void citationsNameTheDateAndStatus() {
        Source a = new Source("Modal pricing", DAY, "primary");
        assertThat(a.cite()).isEqualTo("Modal pricing (2025-06-17, primary)");
        assertThat(new Source("Modal pricing", DAY, "primary").cite()).isEqualTo(a.cite());
        assertThat(new Source("Modal pricing", DAY, "secondary").cite()).isEqualTo("Modal pricing (2025-06-17, secondary)");
        assertThat(Source.request().cite()).isEqualTo("given in the request");
    }
}
