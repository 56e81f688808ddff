package io.github.nvs4j.benchmarks;

import io.github.nvs4j.benchmarks.workload.MixedKeys;
import io.github.nvs4j.benchmarks.workload.Workload;
import io.github.nvs4j.csv.CsvOptions;
import io.github.nvs4j.csv.NvsCsvReader;
import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.model.ValueType;
import io.github.nvs4j.read.NvsReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The workload generator: the shape the issue asks for, the same data as model and as CSV, fixed by its seed. */
class WorkloadTest {

    @Test
    void mixedKeysFollowTheTypeCycle() {
        NvsData data = MixedKeys.model(1000);
        List<NvsData.Item> items = data.items();
        assertThat(items).hasSize(1000);
        for (int i = 0; i < items.size(); i++) {
            NvsValue v = items.get(i).value();
            assertThat(items.get(i).key()).isEqualTo("k" + i);
            ValueType expected = switch (i % 10) {
                case 0 -> ValueType.U8;
                case 1 -> ValueType.I16;
                case 2 -> ValueType.U32;
                case 3 -> ValueType.I32;
                case 4 -> (i / 10) % 2 == 0 ? ValueType.U64 : ValueType.I64;
                case 5, 6, 7 -> ValueType.STR;
                default -> ValueType.BLOB;
            };
            assertThat(v.type()).as("key %d", i).isEqualTo(expected);
            if (v instanceof NvsValue.Str s) {
                assertThat(s.length()).isBetween(8, 32);
            }
            if (v instanceof NvsValue.Blob b) {
                assertThat(b.length()).isBetween(16, 96);
            }
        }
        assertThat(data.namespaces()).containsExactly("ns0", "ns1");
        assertThat(data.items("ns1")).hasSize(500);
    }

    @Test
    void namespacesAreCappedAt254() {
        assertThat(MixedKeys.keysPerNamespace(10_000)).isEqualTo(500);
        assertThat(MixedKeys.keysPerNamespace(127_000)).isEqualTo(500);
        assertThat(MixedKeys.keysPerNamespace(127_001)).isEqualTo(501);
        assertThat(MixedKeys.keysPerNamespace(1_000_000)).isEqualTo(3938);
        assertThat(254 * 3938).isGreaterThanOrEqualTo(1_000_000);
        assertThat(253 * 3938).isLessThan(1_000_000);
    }

    @Test
    void csvTextIsTheSameData() {
        Workload w = Workload.of("mixed-1000");
        NvsData fromCsv = NvsCsvReader.read("w.csv", w.csv(), new CsvOptions(Path.of("."), Workload.VERSION)).data();
        assertThat(fromCsv).isEqualTo(w.data());
        Workload blob = Workload.of("blob-5000");
        assertThat(NvsCsvReader.read("b.csv", blob.csv(), new CsvOptions(Path.of("."), Workload.VERSION)).data())
                .isEqualTo(blob.data());
    }

    @Test
    void seededAndSized() {
        assertThat(MixedKeys.model(300)).isEqualTo(MixedKeys.model(300));
        assertThat(Workload.of("mixed-100").partitionSize()).isEqualTo(16 * 1024);
        assertThat(Workload.of("mixed-1000").partitionSize()).isEqualTo(128 * 1024);
        Workload w = Workload.of("mixed-10000");
        assertThat(w.partitionSize()).isEqualTo(1024 * 1024);
        byte[] image = w.image();
        assertThat(NvsReader.readModel(image)).isEqualTo(w.data());
    }
}
