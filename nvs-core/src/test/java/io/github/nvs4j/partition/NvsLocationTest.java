package io.github.nvs4j.partition;

import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.read.PartitionMode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The selection strategies: by label, by range, automatic (§14.6, §14.7-3). */
class NvsLocationTest {

    private static final int MIB = 0x100000;

    private static byte[] numberedFlash(TableBuilder table) {
        byte[] flash = table.md5().end().inFlash(MIB, 0x8000);
        for (int page = 0x9; page < MIB / 0x1000; page++) {
            Arrays.fill(flash, page * 0x1000, (page + 1) * 0x1000, (byte) page);
        }
        return flash;
    }

    // ---- ByLabel

    @Test
    void byLabelChecksTheLabelAsTheDeviceDoes() {
        assertThat(NvsLocation.byLabel("abcdefghijklmnop")).isInstanceOf(NvsLocation.ByLabel.class);
        assertThat(NvsLocation.byLabel("nvs_äöüß1234")).isInstanceOf(NvsLocation.ByLabel.class); // 16 bytes
        assertThatThrownBy(() -> NvsLocation.byLabel("abcdefghijklmnopq")).isInstanceOf(NvsInputException.class)
                .hasMessageContaining("17 bytes").hasMessageContaining("at most 16 bytes");
        assertThatThrownBy(() -> NvsLocation.byLabel("nvs_äöüß12345")).isInstanceOf(NvsInputException.class);
        assertThatThrownBy(() -> NvsLocation.byLabel("n\0s")).isInstanceOf(NvsInputException.class)
                .hasMessageContaining("NUL");
        assertThatThrownBy(() -> new NvsLocation.ByLabel("nvs", OptionalInt.of(0x8800)))
                .isInstanceOf(NvsInputException.class).hasMessageContaining("multiple of 0x1000");
    }

    @Test
    void byLabelTakesTheDataNvsPartitionWithThatLabel() {
        // esp_partition_find_first(DATA, NVS, "nvs"): an earlier "nvs" of another subtype is no match.
        byte[] flash = numberedFlash(new TableBuilder()
                .entry("nvs", 1, 0x81, 0x9000, 0x3000, 0)
                .nvs("nvs", 0xC000, 0x3000));

        NvsSelection selection = NvsLocation.byLabel("nvs").select(flash);

        assertThat(selection.offset()).isEqualTo(0xC000);
        assertThat(selection.image()[0]).isEqualTo((byte) 0xC);
    }

    @Test
    void byLabelRefusesAMissingLabelAndOneThatIsNotNvs() {
        byte[] flash = numberedFlash(new TableBuilder().nvs("nvs", 0x9000, 0x3000)
                .entry("phy_init", 1, 1, 0xF000, 0x1000, 0));

        assertThatThrownBy(() -> NvsLocation.byLabel("storage").select(flash)).isInstanceOf(NvsInputException.class)
                .hasMessageContaining("no partition labelled 'storage'").hasMessageContaining("'nvs'");
        assertThatThrownBy(() -> NvsLocation.byLabel("phy_init").select(flash)).isInstanceOf(NvsInputException.class)
                .hasMessageContaining("not an NVS partition");
    }

    @Test
    void byLabelNeedsATable() {
        byte[] bare = new byte[0x6000];

        assertThatThrownBy(() -> NvsLocation.byLabel("nvs").select(bare)).isInstanceOf(NvsFormatException.class)
                .hasMessageContaining("no partition table found");
    }

    @Test
    void aGivenTableOffsetIsUsedAndMustHoldATable() {
        byte[] flash = new TableBuilder().nvs("nvs", 0x21000, 0x3000).md5().end().inFlash(MIB, 0x20000);

        assertThat(new NvsLocation.ByLabel("nvs", OptionalInt.of(0x20000)).select(flash).offset())
                .isEqualTo(0x21000);
        assertThat(new NvsLocation.Auto(OptionalInt.of(0x20000)).select(flash).offset()).isEqualTo(0x21000);
        assertThatThrownBy(() -> new NvsLocation.Auto(OptionalInt.of(0x8000)).select(flash))
                .isInstanceOf(NvsFormatException.class).hasMessageContaining("no partition table at 0x8000");
    }

    // ---- Range

    @Test
    void rangeChecksItsNumbers() {
        assertThatThrownBy(() -> NvsLocation.range(-1, 0x3000)).isInstanceOf(NvsInputException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> NvsLocation.range(0, 0xFFF)).isInstanceOf(NvsInputException.class)
                .hasMessageContaining("at least one 4 KiB page");
        assertThatThrownBy(() -> NvsLocation.range(0, -5)).isInstanceOf(NvsInputException.class);
    }

    @Test
    void rangeCutsWholePagesAndRefusesToReadPastTheEnd() {
        byte[] flash = numberedFlash(new TableBuilder().nvs("nvs", 0x9000, 0x3000).entry("x", 1, 1, 0xC000, 0, 2));

        NvsSelection selection = NvsLocation.range(0xA000, 0x2800).select(flash);

        assertThat(selection.origin()).isEqualTo(NvsSelection.Origin.RANGE);
        assertThat(selection.image()).isEqualTo(Arrays.copyOfRange(flash, 0xA000, 0xC000));
        assertThat(selection.size()).isEqualTo(0x2800);
        assertThat(selection.readonly()).isFalse();
        assertThat(selection.mode()).isEqualTo(PartitionMode.READ_WRITE);
        assertThat(selection.partition()).isEmpty();
        assertThat(selection.summary()).contains("bytes 0xa000..0xc7ff").contains("last 0x800 bytes");
        assertThat(NvsLocation.range(MIB - 0x1000, 0x1000).select(flash).imageLength()).isEqualTo(0x1000);
        assertThatThrownBy(() -> NvsLocation.range(MIB - 0x1000, 0x2000).select(flash))
                .isInstanceOf(NvsFormatException.class).hasMessageContaining("extends past the end of the file");
        assertThatThrownBy(() -> NvsLocation.range(Long.MAX_VALUE, 0x1000).select(flash))
                .isInstanceOf(NvsFormatException.class);
    }

    // ---- Auto

    @Test
    void autoReadsAFileWithoutATableWhole() {
        byte[] bare = new byte[0x3000];
        Arrays.fill(bare, (byte) 0xFF);

        NvsSelection selection = NvsLocation.auto().select(bare);

        assertThat(selection.origin()).isEqualTo(NvsSelection.Origin.WHOLE_FILE);
        assertThat(selection.offset()).isZero();
        assertThat(selection.size()).isEqualTo(0x3000);
        assertThat(selection.image()).isEqualTo(bare);
        assertThat(selection.table()).isEmpty();
        assertThat(selection.label()).isEmpty();
        assertThat(selection.summary()).startsWith("no partition table found");
    }

    @Test
    void autoRefusesATableWithoutNvsPartition() {
        byte[] flash = numberedFlash(new TableBuilder().entry("factory", 0, 0, 0x10000, 0x10000, 0));

        assertThatThrownBy(() -> NvsLocation.auto().select(flash)).isInstanceOf(NvsFormatException.class)
                .hasMessageContaining("has no NVS partition");
    }

    @Test
    void autoSaysWhenNoPartitionIsLabelledNvs() {
        byte[] flash = numberedFlash(new TableBuilder().nvs("storage", 0x9000, 0x3000));

        NvsSelection selection = NvsLocation.auto().select(flash);

        assertThat(selection.label()).contains("storage");
        assertThat(selection.summary()).contains("none is labelled 'nvs'");
    }

    @Test
    void autoSaysWhenTheFirstIsTheOneTheRuntimeOpens() {
        byte[] flash = numberedFlash(new TableBuilder().nvs("nvs", 0x9000, 0x3000).nvs("more", 0xC000, 0x3000));

        NvsSelection selection = NvsLocation.auto().select(flash);

        assertThat(selection.summary()).contains("the first of 2").contains("the one nvs_flash_init() opens")
                .contains("'more' at 0xc000");
        assertThat(selection.otherNvsPartitions()).extracting(Partition::label).containsExactly("more");
    }

    @Test
    void reportsTheEncryptedFlag() {
        byte[] flash = numberedFlash(new TableBuilder().entry("nvs", 1, 2, 0x9000, 0x3000, 1));

        NvsSelection selection = NvsLocation.auto().select(flash);

        assertThat(selection.encrypted()).isTrue();
        assertThat(selection.readonly()).isFalse();
        assertThat(selection.summary()).contains("flagged encrypted");
    }

    @Test
    void theImageIsACopy() {
        byte[] flash = numberedFlash(new TableBuilder().nvs("nvs", 0x9000, 0x3000));
        NvsSelection selection = NvsLocation.auto().select(flash);

        byte[] image = selection.image();
        image[0] = 42;
        flash[0x9000] = 43;

        assertThat(selection.image()[0]).isEqualTo((byte) 9);
    }
}
