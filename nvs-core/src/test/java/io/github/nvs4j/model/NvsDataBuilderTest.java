package io.github.nvs4j.model;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.write.FormatVersion;
import io.github.nvs4j.write.NvsWriter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link NvsData.Builder} hands its collections to the data it builds instead of copying them; the data must stay
 * immutable all the same, also when the builder is used again. Names are checked with an ASCII fast path that must
 * decide as the UTF-8 rule does.
 */
class NvsDataBuilderTest {

    @Test
    void dataBuiltStaysTheSameWhenTheBuilderGoesOn() {
        NvsData.Builder builder = NvsData.builder().namespace("a").put("k1", new NvsValue.U8(1));
        NvsData first = builder.build();

        builder.put("k2", new NvsValue.U8(2)).namespace("b").put("k1", new NvsValue.U8(3));
        NvsData second = builder.build();
        builder.namespace("a").put("k3", new NvsValue.U8(4));

        assertThat(first.namespaces()).containsExactly("a");
        assertThat(first.items()).containsExactly(new NvsData.Item("a", "k1", new NvsValue.U8(1)));
        assertThat(first.items("a")).hasSize(1);
        assertThat(first.get("a", "k2")).isEmpty();
        assertThat(second.namespaces()).containsExactly("a", "b");
        assertThat(second.size()).isEqualTo(3);
        assertThat(second.namespaceStart(1)).isEqualTo(2);
        assertThat(second.get("a", "k3")).isEmpty();
        assertThat(builder.build().get("a", "k3")).contains(new NvsValue.U8(4));
    }

    @Test
    void imageOfDataBuiltStaysTheSameWhenTheBuilderGoesOn() {
        // the writer reads the builder's pre-encoded items (EncodedItems), which are shared with the data built too
        NvsData.Builder builder = NvsData.builder().namespace("a").put("k1", new NvsValue.U8(1))
                .put("s", NvsValue.Str.of("text"));
        NvsData first = builder.build();
        byte[] before = NvsWriter.write(first, 0x3000, FormatVersion.V2);

        builder.put("k2", new NvsValue.U16(2)).namespace("b").put("k1", new NvsValue.I32(-3));
        builder.build();
        builder.namespace("a").put("k3", new NvsValue.U8(4));

        assertThat(NvsWriter.write(first, 0x3000, FormatVersion.V2)).isEqualTo(before);
        NvsData same = NvsData.builder().namespace("a").put("k1", new NvsValue.U8(1))
                .put("s", NvsValue.Str.of("text")).build();
        assertThat(NvsWriter.write(same, 0x3000, FormatVersion.V2)).isEqualTo(before);
    }

    @Test
    void dataIsReadOnly() {
        NvsData data = NvsData.builder().namespace("a").put("k", new NvsValue.U8(1)).build();
        List<NvsData.Item> items = data.items();
        assertThatThrownBy(() -> items.add(items.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> data.namespaces().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aKeyTwiceInANamespaceIsRefusedAndChangesNothing() {
        NvsData.Builder builder = NvsData.builder().namespace("a").put("k", new NvsValue.U8(1));
        NvsData built = builder.build();
        assertThatThrownBy(() -> builder.put("k", new NvsValue.U8(2))).isInstanceOf(NvsInputException.class)
                .hasMessageContaining("already set in namespace 'a'");
        assertThat(builder.build()).isEqualTo(built);
    }

    @Test
    void namesAreCheckedByTheirUtf8Length() {
        NvsData.checkName("a".repeat(15), "key");
        NvsData.checkName("\u20ac".repeat(5), "key"); // 15 bytes
        NvsData.checkName("", "key");
        assertThatThrownBy(() -> NvsData.checkName("a".repeat(16), "key")).hasMessageContaining("16 bytes long");
        assertThatThrownBy(() -> NvsData.checkName("\u00e9".repeat(8), "key")).hasMessageContaining("16 bytes long");
        assertThatThrownBy(() -> NvsData.checkName("a\0b", "key")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> NvsData.checkName("\0", "namespace")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> NvsData.checkName("\u00e9\0", "key")).hasMessageContaining("NUL");
    }
}
