package io.github.nvs4j.read;

import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.write.FormatVersion;
import io.github.nvs4j.write.NvsWriter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fully packed 1 MiB partition (255 pages of items and the spare): the view is complete and correct, and reading
 * plus viewing stays far below the time a device needs (the brief asks for a few milliseconds; the bound here is
 * loose so that a busy build machine cannot make the test flaky; the JMH benchmark measures it precisely).
 */
class PackedImageTest {

    @Test
    void fullyPackedMebibyte() {
        NvsData.Builder builder = NvsData.builder().namespace("ns");
        // 255 pages × 126 entries: the namespace entry, then one u32 item per entry
        for (int n = 1; n < 255 * 126; n++) {
            builder.put("k" + n, new NvsValue.U32(n));
        }
        NvsData data = builder.build();
        byte[] image = NvsWriter.write(data, 0x100000, FormatVersion.V2);
        assertThat(image).hasSize(0x100000);

        long best = Long.MAX_VALUE;
        DeviceView view = null;
        for (int run = 0; run < 8; run++) {
            long start = System.nanoTime();
            view = NvsReader.boot(image);
            view.entries();
            best = Math.min(best, System.nanoTime() - start);
        }
        assertThat(view.init()).isEqualTo(InitResult.ESP_OK);
        assertThat(view.entries()).hasSize(data.size());
        assertThat(view.stats()).hasValueSatisfying(s -> {
            assertThat(s.totalEntries()).isEqualTo(256 * 126);
            assertThat(s.usedEntries()).isEqualTo(255 * 126);
            assertThat(s.freeEntries()).isEqualTo(126);
        });
        assertThat(view.toModel()).isEqualTo(data);
        assertThat(best / 1_000_000).as("best boot time in ms").isLessThan(250);
    }
}
