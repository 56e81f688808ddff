package io.github.nvs4j.partition;

import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.testing.FlashDump;
import io.github.nvs4j.testing.TestData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static io.github.nvs4j.partition.TableBuilder.filled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The table reader against spec §14.2–§14.7, with tables built slot by slot. */
class PartitionTableTest {

    private static final int MIB = 0x100000;

    /** ESP-IDF's partitions_singleapp.csv as gen_esp32part.py writes it (spec §14.2 worked example). */
    private static TableBuilder singleApp() {
        return new TableBuilder()
                .nvs("nvs", 0x9000, 0x6000)
                .entry("phy_init", 1, 1, 0xF000, 0x1000, 0)
                .entry("factory", 0, 0, 0x10000, 0x100000, 0);
    }

    // ---- §14.2 / §14.3: the worked example and the recorded default table

    @Test
    void workedExampleHasTheSpecsMd5AndEqualsTheRecordedDefaultTable() {
        byte[] built = singleApp().md5().end().bytes();

        assertThat(HexFormat.of().formatHex(built, 0x70, 0x80)).isEqualTo("f4ad4f4538564b5d7435b62c75b69524");
        byte[] recorded = FlashDump.load("default-singleapp-4mb").bytes();
        assertThat(Arrays.copyOfRange(recorded, 0x8000, 0x8C00)).isEqualTo(built);
    }

    @Test
    void readsTheWorkedExample() {
        PartitionTable table = PartitionTable.read(singleApp().md5().end().inFlash(MIB, 0x8000), 0x8000);

        assertThat(table.hasMd5()).isTrue();
        assertThat(table.partitions()).containsExactly(
                new Partition("nvs", 1, 2, 0x9000, 0x6000, 0),
                new Partition("phy_init", 1, 1, 0xF000, 0x1000, 0),
                new Partition("factory", 0, 0, 0x10000, 0x100000, 0));
    }

    @Test
    void listsTheTableAsGenEsp32partPrintsIt() {
        // gen_esp32part.py to_csv(): two comment lines; name,type,subtype,offset as 0x%x, size in M/K where it
        // divides, flags joined with ':'.
        PartitionTable table = PartitionTable.read(new TableBuilder()
                .nvs("nvs", 0x9000, 0x6000)
                .entry("keys", 1, 4, 0xF000, 0x1000, 3)
                .entry("odd", 1, 0x81, 0x10000, 0x1801, 0)
                .entry("factory", 0, 0, 0x20000, 0x100000, 0)
                .md5().end().inFlash(MIB, 0x8000), 0x8000);

        assertThat(table.toCsv()).isEqualTo("""
                # ESP-IDF Partition Table
                # Name, Type, SubType, Offset, Size, Flags
                nvs,data,nvs,0x9000,24K,
                keys,data,nvs_keys,0xf000,4K,encrypted:readonly
                odd,data,fat,0x10000,0x1801,
                factory,app,factory,0x20000,1M,
                """);
    }

    @Test
    void tableTheSectorAloneIsReadableAtOffsetZero() {
        byte[] sector = singleApp().md5().end().bytes();

        assertThat(sector).hasSize(0xC00);
        assertThat(PartitionTable.read(sector, 0).partitions()).hasSize(3);
        assertThat(PartitionTable.find(sector)).isPresent();
    }

    @Test
    void aTableWithoutMd5IsValid() {
        PartitionTable table = PartitionTable.read(singleApp().end().inFlash(MIB, 0x8000), 0x8000);

        assertThat(table.hasMd5()).isFalse();
        assertThat(table.partitions()).hasSize(3);
    }

    // ---- §14.7-1: the offset

    @Test
    void refusesAnOffsetThatIsNotAMultipleOf4KiB() {
        byte[] flash = singleApp().md5().end().inFlash(MIB, 0x8000);

        assertThatThrownBy(() -> PartitionTable.read(flash, 0x8100)).isInstanceOf(NvsInputException.class)
                .hasMessageContaining("multiple of 0x1000");
        assertThatThrownBy(() -> PartitionTable.read(flash, -0x1000)).isInstanceOf(NvsInputException.class);
    }

    @Test
    void refusesADumpThatEndsInsideTheTable() {
        byte[] flash = Arrays.copyOf(singleApp().md5().end().inFlash(MIB, 0x8000), 0x8BFF);

        assertThatThrownBy(() -> PartitionTable.read(flash, 0x8000)).isInstanceOfSatisfying(NvsFormatException.class,
                e -> {
                    assertThat(e.offset()).isEqualTo(0x8000);
                    assertThat(e.getMessage()).contains("ends before the end of the partition table at 0x8000");
                });
        assertThat(PartitionTable.find(flash)).isEmpty();
    }

    // ---- §14.7-2: the slots

    @Test
    void anErasedSectorIsNoTable() {
        byte[] flash = filled(MIB, 0xFF);

        assertThatThrownBy(() -> PartitionTable.read(flash, 0x8000)).isInstanceOf(NvsFormatException.class)
                .hasMessageContaining("no partition table at 0x8000").hasMessageContaining("erased");
        assertThat(PartitionTable.find(flash)).isEmpty();
    }

    @Test
    void anotherMagicInSlotZeroIsNoTable() {
        byte[] flash = filled(MIB, 0xFF);
        flash[0x8000] = (byte) 0xE9;

        assertThatThrownBy(() -> PartitionTable.read(flash, 0x8000)).isInstanceOf(NvsFormatException.class)
                .hasMessageContaining("no partition table at 0x8000")
                .hasMessageContaining("e9 ff ff ff")
                .hasMessageContaining("flash encryption");
    }

    @Test
    void anInvalidMagicInALaterSlotIsRefusedWithItsOffset() {
        byte[] flash = singleApp().raw(entryWithMagic(0x12, 0x34)).end().inFlash(MIB, 0x8000);

        assertThatThrownBy(() -> PartitionTable.read(flash, 0x8000)).isInstanceOfSatisfying(NvsFormatException.class,
                e -> {
                    assertThat(e.offset()).isEqualTo(0x8060);
                    assertThat(e.getMessage()).contains("entry 3 has magic 12 34");
                });
    }

    @Test
    void theEndMarkerNeedsTypeAndSubtypeFF() {
        byte[] notAnEnd = filled(32, 0xFF);
        notAnEnd[2] = 0x01;
        byte[] flash = singleApp().raw(notAnEnd).end().inFlash(MIB, 0x8000);

        assertThatThrownBy(() -> PartitionTable.read(flash, 0x8000)).isInstanceOf(NvsFormatException.class)
                .hasMessageContaining("entry 3 has magic ff ff");
    }

    @Test
    void theEndMarkerNeedsOnlyItsFirstFourBytes() {
        byte[] end = filled(32, 0x00);
        Arrays.fill(end, 0, 4, (byte) 0xFF);

        assertThat(PartitionTable.read(singleApp().md5().raw(end).inFlash(MIB, 0x8000), 0x8000).partitions())
                .hasSize(3);
    }

    @Test
    void at95EntriesTheEndMarkerStillFitsAt96ItDoesNot() {
        TableBuilder fits = new TableBuilder();
        TableBuilder tooMany = new TableBuilder();
        for (int i = 0; i < 96; i++) {
            if (i < 95) {
                fits.nvs("p" + i, 0x10000 + i * 0x1000L, 0x1000);
            }
            tooMany.nvs("p" + i, 0x10000 + i * 0x1000L, 0x1000);
        }
        // tooMany fills all 96 slots; its end marker lies at 0xC00, beyond where the bootloader looks.
        byte[] full = tooMany.end().inFlash(MIB, 0x8000);

        assertThat(PartitionTable.read(fits.end().inFlash(MIB, 0x8000), 0x8000).partitions()).hasSize(95);
        assertThatThrownBy(() -> PartitionTable.read(full, 0x8000)).isInstanceOf(NvsFormatException.class)
                .hasMessageContaining("no end marker within 0xc00 bytes (96 entries)");
        assertThat(PartitionTable.find(full)).isEmpty();
    }

    @Test
    void at94EntriesTheMd5EntryAndEndMarkerFit() {
        TableBuilder b = new TableBuilder();
        for (int i = 0; i < 94; i++) {
            b.nvs("p" + i, 0x10000 + i * 0x1000L, 0x1000);
        }

        PartitionTable table = PartitionTable.read(b.md5().end().inFlash(MIB, 0x8000), 0x8000);

        assertThat(table.partitions()).hasSize(94);
        assertThat(table.hasMd5()).isTrue();
    }

    @Test
    void anMd5EntryInTheLastSlotHasNoEndMarker() {
        TableBuilder b = new TableBuilder();
        for (int i = 0; i < 95; i++) {
            b.nvs("p" + i, 0x10000 + i * 0x1000L, 0x1000);
        }
        byte[] flash = b.md5().end().inFlash(MIB, 0x8000);

        assertThatThrownBy(() -> PartitionTable.read(flash, 0x8000)).isInstanceOf(NvsFormatException.class)
                .hasMessageContaining("must be followed by the end marker")
                .hasMessageContaining("last of the 96 entries");
    }

    @Test
    void nothingButTheEndMarkerMayFollowTheMd5Entry() {
        byte[] partitionAfter = singleApp().md5().nvs("late", 0x200000, 0x3000).end().inFlash(MIB, 0x8000);
        byte[] secondMd5 = singleApp().md5().md5().end().inFlash(MIB, 0x8000);

        for (byte[] flash : List.of(partitionAfter, secondMd5)) {
            assertThatThrownBy(() -> PartitionTable.read(flash, 0x8000)).isInstanceOfSatisfying(
                    NvsFormatException.class, e -> {
                        assertThat(e.offset()).isEqualTo(0x8080);
                        assertThat(e.getMessage()).contains("must be followed by the end marker");
                    });
        }
    }

    @Test
    void anMd5MismatchIsRefused() {
        byte[] flash = singleApp().md5().end().inFlash(MIB, 0x8000);
        flash[0x8009] = 0x40; // the bad-md5-1mb damage: nvs size 0x6000 -> 0x4000

        assertThatThrownBy(() -> PartitionTable.read(flash, 0x8000)).isInstanceOfSatisfying(NvsFormatException.class,
                e -> {
                    assertThat(e.offset()).isEqualTo(0x8060);
                    assertThat(e.getMessage()).contains("partition table MD5 mismatch")
                            .contains("f4ad4f4538564b5d7435b62c75b69524")
                            .contains("the 3 entries before it (0x8000..0x805f)");
                });
    }

    @Test
    void aTableWithoutPartitionsIsRefused() {
        byte[] flash = new TableBuilder().md5().end().inFlash(MIB, 0x8000);

        assertThatThrownBy(() -> PartitionTable.read(flash, 0x8000)).isInstanceOf(NvsFormatException.class)
                .hasMessageContaining("lists no partitions");
        assertThat(PartitionTable.find(flash)).isEmpty();
    }

    // ---- §14.7-4: what is not rejected

    @Test
    void acceptsWhatTheDeviceAccepts() {
        byte[] flash = new TableBuilder()
                .entry("bootloader", 2, 0, 0x1000, 0x7000, 0) // below the table
                .entry("partition_table", 3, 0, 0x8000, 0x1000, 0)
                .entry("late", 1, 2, 0x40000, 0x3000, 0)
                .entry("early", 1, 2, 0x9000, 0x3000, 0) // unsorted
                .entry("overlap", 1, 0x81, 0x9800, 0x3000, 0) // overlapping, unaligned
                .entry("custom", 0x40, 0x99, 0xC000, 0x1000, 0) // application type, unknown subtype
                .entry("any", 0xFF, 0xFF, 0xD000, 0x1000, 0)
                .entry("late", 1, 1, 0xE000, 0x1000, 0x8000_0004) // duplicate label, unassigned flag bits
                .md5().end().inFlash(MIB, 0x8000);

        PartitionTable table = PartitionTable.read(flash, 0x8000);

        assertThat(table.partitions()).hasSize(8);
        assertThat(table.findByLabel("late").orElseThrow().offset()).isEqualTo(0x40000);
        Partition flagged = table.partitions().get(7);
        assertThat(flagged.flags()).isEqualTo(0x8000_0004);
        assertThat(flagged.unknownFlags()).isEqualTo(0x8000_0004);
        assertThat(flagged.encrypted()).isFalse();
        assertThat(flagged.readonly()).isFalse();
        assertThat(table.partitions().get(5).typeName()).isEqualTo("64");
        assertThat(table.partitions().get(5).subtypeName()).isEqualTo("153");
        assertThat(table.firstNvs().orElseThrow().label()).isEqualTo("late");
        assertThat(table.nvsPartitions()).extracting(Partition::label).containsExactly("late", "early");
    }

    // ---- §14.2 labels

    @Test
    void aSixteenByteLabelHasNoNul() {
        PartitionTable table = read(new TableBuilder().nvs("abcdefghijklmnop", 0x9000, 0x3000));

        assertThat(table.partitions().get(0).label()).isEqualTo("abcdefghijklmnop");
        assertThat(table.findByLabel("abcdefghijklmnop")).isPresent();
        assertThat(table.findByLabel("abcdefghijklmnopq")).isEmpty();
    }

    @Test
    void theLabelEndsAtTheFirstNul() {
        byte[] label = {'a', 'b', 0, 'c', 'd'};

        PartitionTable table = read(new TableBuilder().entry(label, 1, 2, 0x9000, 0x3000, 0));

        assertThat(table.partitions().get(0).label()).isEqualTo("ab");
        assertThat(table.findByLabel("ab")).isPresent();
    }

    @Test
    void labelsAreComparedAsUtf8BytesCaseSensitively() {
        PartitionTable table = read(new TableBuilder().nvs("nvs_ü", 0x9000, 0x3000).nvs("nvs", 0xC000, 0x3000));

        assertThat(table.findByLabel("nvs_ü").orElseThrow().offset()).isEqualTo(0x9000);
        assertThat(table.findByLabel("NVS")).isEmpty();
        assertThat(table.findByLabel("nvs_u")).isEmpty();
        assertThat(table.findByLabel("")).isEmpty();
    }

    @Test
    void aLabelThatIsNotUtf8IsShownWithReplacementCharacters() {
        byte[] label = {'n', (byte) 0xFF, 's'};

        PartitionTable table = read(new TableBuilder().entry(label, 1, 2, 0x9000, 0x3000, 0));

        assertThat(table.partitions().get(0).label()).isEqualTo("n\uFFFDs");
        assertThat(table.findByLabel("n\uFFFDs")).isEmpty(); // the device compares bytes: EF BF BD is not FF
    }

    @Test
    void findFirstMatchesTypeSubtypeAndLabelAsTheRuntimeDoes() {
        PartitionTable table = read(new TableBuilder()
                .entry("nvs", 1, 0x81, 0x9000, 0x3000, 0)
                .nvs("nvs_factory", 0xC000, 0x3000)
                .nvs("nvs", 0xF000, 0x3000));

        assertThat(table.findByLabel("nvs").orElseThrow().offset()).isEqualTo(0x9000);
        assertThat(table.findFirst(1, 2, "nvs").orElseThrow().offset()).isEqualTo(0xF000);
        assertThat(table.firstOfType(1, 2).orElseThrow().label()).isEqualTo("nvs_factory");
        assertThat(table.firstOfType(0, 0)).isEmpty();
    }

    // ---- find(): the heuristic of §14.1

    @Test
    void findsATableAtAnyFourKiBBoundary() {
        byte[] flash = singleApp().md5().end().inFlash(MIB, 0x1F000);

        assertThat(PartitionTable.find(flash).orElseThrow().offset()).isEqualTo(0x1F000);
    }

    @Test
    void prefers0x8000ToALowerOffset() {
        byte[] flash = singleApp().md5().end().inFlash(MIB, 0x8000);
        byte[] stale = new TableBuilder().nvs("stale", 0x4000, 0x3000).md5().end().bytes();
        System.arraycopy(stale, 0, flash, 0x3000, stale.length);

        assertThat(PartitionTable.find(flash).orElseThrow().offset()).isEqualTo(0x8000);
    }

    @Test
    void aDamagedTableAt0x8000IsRefusedEvenIfAnotherOneIsValid() {
        byte[] flash = singleApp().md5().end().inFlash(MIB, 0x8000);
        flash[0x8009] = 0x40;
        byte[] staged = singleApp().md5().end().bytes();
        System.arraycopy(staged, 0, flash, 0x20000, staged.length);

        assertThatThrownBy(() -> PartitionTable.find(flash)).isInstanceOf(NvsFormatException.class)
                .hasMessageContaining("partition table MD5 mismatch at 0x8000");
    }

    @Test
    void aDamagedTableElsewhereIsRefusedUnlessAValidOneIsFound() {
        byte[] damaged = singleApp().md5().end().inFlash(MIB, 0x10000);
        damaged[0x10009] = 0x40;
        byte[] both = damaged.clone();
        byte[] valid = singleApp().md5().end().bytes();
        System.arraycopy(valid, 0, both, 0x30000, valid.length);

        assertThatThrownBy(() -> PartitionTable.find(damaged)).isInstanceOf(NvsFormatException.class)
                .hasMessageContaining("partition table MD5 mismatch at 0x10000");
        assertThat(PartitionTable.find(both).orElseThrow().offset()).isEqualTo(0x30000);
    }

    @Test
    void sectorsThatOnlyStartLikeATableAreSkipped() {
        byte[] flash = filled(MIB, 0xFF);
        byte[] junk = singleApp().raw(entryWithMagic(0x12, 0x34)).end().bytes();
        System.arraycopy(junk, 0, flash, 0x8000, junk.length);
        System.arraycopy(junk, 0, flash, 0x4000, junk.length);

        assertThat(PartitionTable.find(flash)).isEmpty();
        assertThat(PartitionTable.find(new byte[0])).isEmpty();
        assertThat(PartitionTable.find(new byte[0xBFF])).isEmpty();
    }

    @Test
    void bareNvsImagesAreNotTakenForDumps() throws IOException {
        List<Path> images;
        try (Stream<Path> device = Files.list(TestData.path("device-images"));
             Stream<Path> conformance = Files.walk(TestData.path("conformance"))) {
            images = Stream.concat(device, conformance)
                    .filter(p -> p.getFileName().toString().endsWith(".bin"))
                    .toList();
        }
        assertThat(images).hasSizeGreaterThan(100);

        for (Path image : images) {
            byte[] bytes = Files.readAllBytes(image);
            assertThat(PartitionTable.find(bytes)).as("%s", image).isEmpty();
            NvsSelection selection = NvsLocation.auto().select(bytes);
            assertThat(selection.origin()).as("%s", image).isEqualTo(NvsSelection.Origin.WHOLE_FILE);
            assertThat(selection.image()).as("%s", image).isEqualTo(bytes);
        }
    }

    private static PartitionTable read(TableBuilder b) {
        return PartitionTable.read(b.md5().end().inFlash(MIB, 0x8000), 0x8000);
    }

    private static byte[] entryWithMagic(int b0, int b1) {
        byte[] slot = new byte[32];
        slot[0] = (byte) b0;
        slot[1] = (byte) b1;
        return slot;
    }
}
