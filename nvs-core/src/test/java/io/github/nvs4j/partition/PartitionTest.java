package io.github.nvs4j.partition;

import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.NvsInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One table entry: names (§14.4), flags (§14.5) and cutting it out of a dump (§14.7-3). */
class PartitionTest {

    @ParameterizedTest(name = "{0}/{1} = {2}/{3}")
    @CsvSource({
            "0, 0x00, app, factory",
            "0, 0x10, app, ota_0",
            "0, 0x1F, app, ota_15",
            "0, 0x20, app, test",
            "0, 0x30, app, tee_0",
            "0, 0x31, app, tee_1",
            "0, 0x21, app, 33",
            "1, 0x00, data, ota",
            "1, 0x01, data, phy",
            "1, 0x02, data, nvs",
            "1, 0x03, data, coredump",
            "1, 0x04, data, nvs_keys",
            "1, 0x05, data, efuse",
            "1, 0x06, data, undefined",
            "1, 0x07, data, 7",
            "1, 0x80, data, esphttpd",
            "1, 0x81, data, fat",
            "1, 0x82, data, spiffs",
            "1, 0x83, data, littlefs",
            "1, 0x90, data, tee_ota",
            "2, 0x00, bootloader, primary",
            "2, 0x01, bootloader, ota",
            "2, 0x02, bootloader, recovery",
            "2, 0x03, bootloader, 3",
            "3, 0x00, partition_table, primary",
            "3, 0x01, partition_table, ota",
            "3, 0x02, partition_table, 2",
            "4, 0x00, 4, 0",
            "0x40, 0x02, 64, 2",
            "0xFF, 0xFF, 255, 255",
    })
    void namesTypesAndSubtypesAsInTheSpec(String type, String subtype, String typeName, String subtypeName) {
        Partition p = new Partition("p", Integer.decode(type), Integer.decode(subtype), 0x9000, 0x1000, 0);

        assertThat(p.typeName()).isEqualTo(typeName);
        assertThat(p.subtypeName()).isEqualTo(subtypeName);
    }

    @Test
    void flagsKeepUnassignedBits() {
        Partition p = new Partition("p", 1, 2, 0x9000, 0x3000, 0x103);

        assertThat(p.encrypted()).isTrue();
        assertThat(p.readonly()).isTrue();
        assertThat(p.unknownFlags()).isEqualTo(0x100);
        assertThat(p.flagNames()).containsExactly("encrypted", "readonly");
        assertThat(p).hasToString("p: data/nvs at 0x9000, 0x3000 bytes, encrypted, readonly, unknown flags 0x00000100");
        assertThat(p.toCsvRow()).isEqualTo("p,data,nvs,0x9000,12K,encrypted:readonly");
    }

    @Test
    void checksFieldRanges() {
        assertThatThrownBy(() -> new Partition(null, 1, 2, 0, 0x1000, 0)).isInstanceOf(NvsInputException.class);
        assertThatThrownBy(() -> new Partition("p", 256, 2, 0, 0x1000, 0)).isInstanceOf(NvsInputException.class);
        assertThatThrownBy(() -> new Partition("p", 1, -1, 0, 0x1000, 0)).isInstanceOf(NvsInputException.class);
        assertThatThrownBy(() -> new Partition("p", 1, 2, 1L << 32, 0x1000, 0))
                .isInstanceOf(NvsInputException.class);
        assertThatThrownBy(() -> new Partition("p", 1, 2, 0, -1, 0)).isInstanceOf(NvsInputException.class);
        assertThat(new Partition("p", 1, 2, 0xFFFF_FFFFL, 0xFFFF_FFFFL, 0).end()).isEqualTo(0x1_FFFF_FFFEL);
    }

    @Test
    void cutsTheWholePagesOfAnNvsPartition() {
        byte[] flash = new byte[0x10000];
        for (int i = 0; i < flash.length; i++) {
            flash[i] = (byte) (i >>> 12);
        }
        Partition exact = new Partition("nvs", 1, 2, 0x9000, 0x3000, 0);
        Partition ragged = new Partition("nvs", 1, 2, 0x9000, 0x3800, 0);

        assertThat(exact.nvsImageIn(flash)).isEqualTo(Arrays.copyOfRange(flash, 0x9000, 0xC000));
        assertThat(ragged.nvsImageIn(flash)).isEqualTo(Arrays.copyOfRange(flash, 0x9000, 0xC000));
        assertThat(ragged.contentIn(flash)).isEqualTo(Arrays.copyOfRange(flash, 0x9000, 0xC800));
    }

    @Test
    void anNvsPartitionMustBeDataNvsAtLeastOnePageAndInsideTheDump() {
        byte[] flash = new byte[0x10000];

        assertThatThrownBy(() -> new Partition("phy_init", 1, 1, 0xF000, 0x1000, 0).nvsImageIn(flash))
                .isInstanceOf(NvsInputException.class)
                .hasMessageContaining("partition 'phy_init' is data/phy").hasMessageContaining("not an NVS partition");
        assertThatThrownBy(() -> new Partition("nvs", 1, 2, 0x9000, 0xFFF, 0).nvsImageIn(flash))
                .isInstanceOf(NvsFormatException.class).hasMessageContaining("at least one 4 KiB page");
        assertThatThrownBy(() -> new Partition("nvs", 1, 2, 0xE000, 0x3000, 0).nvsImageIn(flash))
                .isInstanceOfSatisfying(NvsFormatException.class, e -> {
                    assertThat(e.offset()).isEqualTo(0xE000);
                    assertThat(e.getMessage()).contains("NVS partition 'nvs' at 0xe000")
                            .contains("extends past the end of the dump (0x10000 bytes)")
                            .contains("only 2 of its 3 pages are present");
                });
        assertThatThrownBy(() -> new Partition("nvs", 1, 2, 0xFFFF_F000L, 0x3000, 0).nvsImageIn(flash))
                .isInstanceOf(NvsFormatException.class).hasMessageContaining("none of it is in the dump");
        assertThat(new Partition("nvs", 1, 2, 0xF000, 0x1000, 0).nvsImageIn(flash)).hasSize(0x1000);
    }

    @Test
    void messagesShowControlCharactersInLabels() {
        Partition p = new Partition("a\nb", 1, 1, 0, 0x1000, 0);

        assertThat(p.toString()).doesNotContain("\n").startsWith("a\\x0ab:");
        assertThatThrownBy(() -> p.nvsImageIn(new byte[0x1000])).hasMessageContaining("'a\\x0ab'");
    }
}
