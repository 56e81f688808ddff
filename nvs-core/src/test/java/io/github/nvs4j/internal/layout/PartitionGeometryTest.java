package io.github.nvs4j.internal.layout;

import io.github.nvs4j.NvsInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Size handling of spec §6.1 and §6.4. */
class PartitionGeometryTest {

    @Test
    void readOnlySizesUseEveryPageAndOnlyTheUsedLength() {
        PartitionGeometry one = PartitionGeometry.of(0x1000);
        assertThat(one.readOnly()).isTrue();
        assertThat(one.dataPages()).isEqualTo(1);
        assertThat(one.outputLength(1)).isEqualTo(0x1000);

        PartitionGeometry two = PartitionGeometry.of(0x2000);
        assertThat(two.readOnly()).isTrue();
        assertThat(two.dataPages()).isEqualTo(2);
        assertThat(two.outputLength(1)).isEqualTo(0x1000);
        assertThat(two.outputLength(2)).isEqualTo(0x2000);
    }

    @Test
    void readWriteSizesKeepTheLastPageSpareAndTheFullLength() {
        PartitionGeometry g = PartitionGeometry.of(0x3000);
        assertThat(g.readOnly()).isFalse();
        assertThat(g.dataPages()).isEqualTo(2);
        assertThat(g.outputLength(1)).isEqualTo(0x3000);
        assertThat(PartitionGeometry.of(0x100000).dataPages()).isEqualTo(255);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 0x800, 0x3001, 4095, -1})
    void sizesThatAreNotWholePagesAreRefused(long size) {
        assertThatThrownBy(() -> PartitionGeometry.of(size)).isInstanceOf(NvsInputException.class)
                .hasMessageContaining("not a multiple of 4096");
    }

    @Test
    void suggestionsNameReadOnlyAndReadWriteSizes() {
        assertThat(PartitionGeometry.suggestSize(1)).contains("0x1000", "readonly", "0x3000");
        assertThat(PartitionGeometry.suggestSize(2)).contains("0x2000", "readonly", "0x3000");
        assertThat(PartitionGeometry.suggestSize(3)).isEqualTo("use a partition size of at least 0x4000");
    }
}
