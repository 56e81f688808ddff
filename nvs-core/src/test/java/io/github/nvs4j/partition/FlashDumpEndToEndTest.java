package io.github.nvs4j.partition;

import io.github.nvs4j.read.DeviceView;
import io.github.nvs4j.read.NvsReader;
import io.github.nvs4j.read.PartitionMode;
import io.github.nvs4j.testing.FlashDump;
import io.github.nvs4j.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From whole-flash dump to device view: the NVS partition selected in each dump of {@code testdata/flash-dumps},
 * booted with the read mode its {@code readonly} flag asks for (spec §14.5), shows exactly the recorded
 * {@code expected.json} of the device image it holds, byte for byte.
 */
class FlashDumpEndToEndTest {

    static Stream<FlashDump> validDumps() {
        return FlashDumpsTest.validDumps();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validDumps")
    void thePartitionLabelledNvsReadsAsRecorded(FlashDump dump) throws IOException {
        NvsSelection selection = NvsLocation.byLabel("nvs").select(dump.bytes());

        assertThat(boot(selection).toJson()).isEqualTo(expectedJson((String) dump.json().get("expected")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validDumps")
    void theFirstNvsPartitionReadsAsRecorded(FlashDump dump) throws IOException {
        Map<String, Object> first = dump.nvsPartitions().get(0);

        NvsSelection selection = NvsLocation.auto().select(dump.bytes());

        assertThat(selection.label()).contains((String) first.get("label"));
        assertThat(boot(selection).toJson()).isEqualTo(expectedJson((String) first.get("expected")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validDumps")
    void everyNvsPartitionReadsAsRecorded(FlashDump dump) throws IOException {
        PartitionTable table = PartitionTable.find(dump.bytes()).orElseThrow();
        for (Map<String, Object> row : dump.nvsPartitions()) {
            String label = (String) row.get("label");
            NvsSelection selection = new NvsLocation.ByLabel(label, OptionalInt.of(table.offset()))
                    .select(dump.bytes());

            assertThat(selection.readonly()).isEqualTo(row.get("readonly"));
            assertThat(boot(selection).toJson()).as("%s: %s", dump, label)
                    .isEqualTo(expectedJson((String) row.get("expected")));
        }
    }

    /** The read mode follows the partition's readonly flag, as a command-line tool must do it. */
    private static DeviceView boot(NvsSelection selection) {
        PartitionMode mode = selection.readonly() ? PartitionMode.READ_ONLY : PartitionMode.READ_WRITE;
        assertThat(selection.mode()).isEqualTo(mode);
        return NvsReader.boot(selection.image(), mode);
    }

    private static String expectedJson(String file) throws IOException {
        return Files.readString(TestData.path("device-images/" + file), StandardCharsets.UTF_8);
    }
}
