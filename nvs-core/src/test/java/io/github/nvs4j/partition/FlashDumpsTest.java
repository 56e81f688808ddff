package io.github.nvs4j.partition;

import io.github.nvs4j.NvsException;
import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.read.PartitionMode;
import io.github.nvs4j.testing.FlashDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every dump of {@code testdata/flash-dumps} against its description: the listing that gen_esp32part.py's own
 * parser gave, the NVS partition chosen by label and by type, and the refusals of the two damaged dumps. The cut-out
 * NVS bytes are compared with the device image that was copied into the dump.
 */
class FlashDumpsTest {

    static Stream<FlashDump> validDumps() {
        return FlashDump.names().stream().map(FlashDump::load).filter(d -> !d.isErrorCase());
    }

    static Stream<FlashDump> errorDumps() {
        return FlashDump.names().stream().map(FlashDump::load).filter(FlashDump::isErrorCase);
    }

    @Test
    void theFolderHoldsTheDocumentedCases() {
        assertThat(FlashDump.names()).contains("default-singleapp-4mb", "two-nvs-2mb", "no-md5-1mb",
                "offset-10000-1mb", "bad-md5-1mb", "readonly-nvs-1mb", "partial-dump-64k", "truncated-nvs");
        assertThat(errorDumps().map(FlashDump::error)).containsExactlyInAnyOrder(
                "partition table MD5 mismatch", "NVS partition extends past the end of the dump");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validDumps")
    void listsThePartitionsAsGenEsp32partDoes(FlashDump dump) {
        PartitionTable table = PartitionTable.read(dump.bytes(), dump.tableOffset());

        assertThat(table.offset()).isEqualTo(dump.tableOffset());
        assertThat(table.hasMd5()).isEqualTo(dump.tableMd5());
        assertThat(rows(table.partitions())).isEqualTo(expectedRows(dump.partitions()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validDumps")
    void namesTypesAndSubtypesWithTheToolsKeywords(FlashDump dump) {
        PartitionTable table = PartitionTable.read(dump.bytes(), dump.tableOffset());

        List<String> names = table.partitions().stream().map(p -> p.typeName() + "/" + p.subtypeName()).toList();
        List<String> expected = dump.partitions().stream().map(r -> r.get("type") + "/" + r.get("subtype")).toList();
        assertThat(names).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validDumps")
    void findsTheTableWithoutBeingToldWhere(FlashDump dump) {
        PartitionTable found = PartitionTable.find(dump.bytes()).orElseThrow();

        assertThat(found.offset()).isEqualTo(dump.tableOffset());
        assertThat(found).isEqualTo(PartitionTable.read(dump.bytes(), dump.tableOffset()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validDumps")
    void selectsThePartitionLabelledNvs(FlashDump dump) {
        Map<String, Object> nvs = dump.nvs();

        NvsSelection selection = NvsLocation.byLabel("nvs").select(dump.bytes());

        assertThat(selection.origin()).isEqualTo(NvsSelection.Origin.LABEL);
        assertSelected(selection, nvs);
        NvsSelection withOffset = new NvsLocation.ByLabel("nvs", OptionalInt.of(dump.tableOffset()))
                .select(dump.bytes());
        assertThat(withOffset.partition()).isEqualTo(selection.partition());
        assertThat(withOffset.image()).isEqualTo(selection.image());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validDumps")
    void selectsTheFirstNvsPartitionWhenNothingIsSpecified(FlashDump dump) {
        Map<String, Object> first = dump.nvsPartitions().get(0);

        NvsSelection selection = NvsLocation.auto().select(dump.bytes());

        assertThat(selection.origin()).isEqualTo(NvsSelection.Origin.FIRST_NVS);
        assertSelected(selection, first);
        assertThat(selection.otherNvsPartitions()).extracting(Partition::label)
                .isEqualTo(dump.nvsPartitions().stream().skip(1).map(r -> r.get("label")).toList());
        assertThat(selection.hasOtherNvsPartitions()).isEqualTo(dump.nvsPartitions().size() > 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validDumps")
    void cutsEveryNvsPartitionOutByteForByte(FlashDump dump) {
        PartitionTable table = PartitionTable.read(dump.bytes(), dump.tableOffset());
        List<Map<String, Object>> expected = dump.nvsPartitions();

        assertThat(table.nvsPartitions()).extracting(Partition::label)
                .isEqualTo(expected.stream().map(r -> r.get("label")).toList());
        for (Map<String, Object> row : expected) {
            Partition p = table.findByLabel((String) row.get("label")).orElseThrow();
            assertThat(p.offset()).isEqualTo(row.get("offset"));
            assertThat(p.size()).isEqualTo(row.get("size"));
            assertThat(p.readonly()).isEqualTo(row.get("readonly"));
            assertThat(p.nvsImageIn(dump.bytes())).isEqualTo(FlashDump.deviceImage((String) row.get("source")));
        }
    }

    @Test
    void twoNvsPartitionsTheLabelAndTheFirstDiffer() {
        FlashDump dump = FlashDump.load("two-nvs-2mb");

        NvsSelection byLabel = NvsLocation.byLabel("nvs").select(dump.bytes());
        NvsSelection first = NvsLocation.auto().select(dump.bytes());

        assertThat(byLabel.label()).contains("nvs");
        assertThat(byLabel.offset()).isEqualTo(0x110000);
        assertThat(first.label()).contains("nvs_factory");
        assertThat(first.offset()).isEqualTo(0x9000);
        assertThat(first.summary()).contains("first of 2 data/nvs partitions")
                .contains("nvs_flash_init() opens the one labelled 'nvs' (at 0x110000)").doesNotContain("\n");
        assertThat(byLabel.summary()).contains("'nvs_factory' at 0x9000");
        // The nvs_keys partition (subtype 0x04) carries flag 1 and is no NVS partition.
        Partition keys = first.table().orElseThrow().findByLabel("nvs_keys").orElseThrow();
        assertThat(keys.subtype()).isEqualTo(Partition.SUBTYPE_NVS_KEYS);
        assertThat(keys.encrypted()).isTrue();
        assertThat(keys.isNvs()).isFalse();
    }

    @Test
    void readonlyFlagIsPassedOn() {
        FlashDump dump = FlashDump.load("readonly-nvs-1mb");

        NvsSelection selection = NvsLocation.auto().select(dump.bytes());

        assertThat(selection.readonly()).isTrue();
        assertThat(selection.mode()).isEqualTo(PartitionMode.READ_ONLY);
        assertThat(selection.encrypted()).isFalse();
        assertThat(selection.summary()).contains("readonly");
        Partition storage = selection.table().orElseThrow().findByLabel("storage").orElseThrow();
        assertThat(storage.flags()).isEqualTo(3);
        assertThat(storage.encrypted()).isTrue();
        assertThat(storage.readonly()).isTrue();
    }

    @Test
    void tableAt0x10000IsFoundAndItsBootloaderAndTableEntriesAreAccepted() {
        FlashDump dump = FlashDump.load("offset-10000-1mb");

        PartitionTable table = PartitionTable.find(dump.bytes()).orElseThrow();

        assertThat(table.offset()).isEqualTo(0x10000);
        assertThat(table.partitions().get(0).type()).isEqualTo(Partition.TYPE_BOOTLOADER);
        assertThat(table.partitions().get(0).offset()).isLessThan(table.offset());
        assertThat(table.partitions().get(1).type()).isEqualTo(Partition.TYPE_PARTITION_TABLE);
        assertThatThrownBy(() -> PartitionTable.read(dump.bytes(), PartitionTable.DEFAULT_OFFSET))
                .isInstanceOf(NvsFormatException.class)
                .hasMessageContaining("no partition table at 0x8000");
    }

    @Test
    void partialDumpIsReadAlthoughPartitionsLieBeyondItsEnd() {
        FlashDump dump = FlashDump.load("partial-dump-64k");
        PartitionTable table = PartitionTable.read(dump.bytes(), dump.tableOffset());

        assertThat(table.partitions()).filteredOn(p -> !p.liesWithin(dump.bytes().length))
                .extracting(Partition::label).containsExactly("ota_0", "ota_1", "storage");
        NvsSelection selection = NvsLocation.auto().select(dump.bytes());
        assertThat(selection.image()).isEqualTo(FlashDump.deviceImage((String) dump.nvs().get("source")));
        Partition ota0 = table.findByLabel("ota_0").orElseThrow();
        assertThatThrownBy(() -> ota0.contentIn(dump.bytes())).isInstanceOf(NvsFormatException.class)
                .hasMessageContaining("extends past the end of the dump").hasMessageContaining("none of it");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorDumps")
    void damagedDumpsAreRefusedByEverySelection(FlashDump dump) {
        String expected = switch (dump.error()) {
            case "partition table MD5 mismatch" -> "partition table MD5 mismatch";
            case "NVS partition extends past the end of the dump" -> "NVS partition 'nvs' at 0x9000 (0x6000 bytes,"
                    + " up to 0xf000) extends past the end of the dump (0xc000 bytes); only 3 of its 6 pages";
            default -> throw new AssertionError("unknown error case " + dump.error());
        };
        for (NvsLocation location : List.of(NvsLocation.auto(), NvsLocation.byLabel("nvs"),
                new NvsLocation.Auto(OptionalInt.of(dump.tableOffset())))) {
            assertThatThrownBy(() -> location.select(dump.bytes()))
                    .as("%s with %s", dump, location)
                    .isInstanceOf(NvsFormatException.class)
                    .hasMessageContaining(expected);
        }
    }

    @Test
    void md5MismatchNamesTheEntryAndBothDigests() {
        FlashDump dump = FlashDump.load("bad-md5-1mb");
        Map<String, Object> detail = dump.errorDetail();

        assertThatThrownBy(() -> PartitionTable.read(dump.bytes(), dump.tableOffset()))
                .isInstanceOfSatisfying(NvsFormatException.class, e -> {
                    assertThat(e.offset()).isEqualTo(detail.get("md5_entry_offset"));
                    assertThat(e.getMessage()).contains("partition table MD5 mismatch")
                            .contains((String) detail.get("md5_stored"))
                            .contains((String) detail.get("md5_computed"))
                            .contains("0x8000..0x807f");
                });
        assertThatThrownBy(() -> PartitionTable.find(dump.bytes())).isInstanceOf(NvsFormatException.class)
                .hasMessageContaining("partition table MD5 mismatch");
    }

    @Test
    void truncatedNvsIsRefusedButItsTableIsReadable() {
        FlashDump dump = FlashDump.load("truncated-nvs");

        PartitionTable table = PartitionTable.read(dump.bytes(), dump.tableOffset());

        assertThat(rows(table.partitions())).isEqualTo(expectedRows(dump.partitions()));
        Partition nvs = table.findByLabel("nvs").orElseThrow();
        assertThatThrownBy(() -> nvs.nvsImageIn(dump.bytes())).isInstanceOfSatisfying(NvsFormatException.class,
                e -> assertThat(e.offset()).isEqualTo(0x9000));
        assertThatThrownBy(() -> NvsLocation.range(0x9000, 0x6000).select(dump.bytes()))
                .isInstanceOf(NvsException.class).hasMessageContaining("extends past the end of the file");
    }

    private static void assertSelected(NvsSelection selection, Map<String, Object> expected) {
        assertThat(selection.label()).contains((String) expected.get("label"));
        assertThat(selection.offset()).isEqualTo(expected.get("offset"));
        assertThat(selection.size()).isEqualTo(expected.get("size"));
        assertThat(selection.readonly()).isEqualTo(expected.get("readonly"));
        assertThat(selection.image()).isEqualTo(FlashDump.deviceImage((String) expected.get("source")));
        assertThat(selection.summary()).doesNotContain("\n");
    }

    /** label, type_id, subtype_id, offset, size, flag names: the fields the recorded listing holds. */
    private static List<List<Object>> rows(List<Partition> partitions) {
        List<List<Object>> rows = new ArrayList<>();
        for (Partition p : partitions) {
            rows.add(List.of(p.label(), (long) p.type(), (long) p.subtype(), p.offset(), p.size(), p.flagNames()));
        }
        return rows;
    }

    private static List<List<Object>> expectedRows(List<Map<String, Object>> recorded) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : recorded) {
            rows.add(List.of(r.get("label"), r.get("type_id"), r.get("subtype_id"), r.get("offset"), r.get("size"),
                    r.get("flags")));
        }
        return rows;
    }
}
