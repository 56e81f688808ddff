package io.github.nvs4j.read;

import io.github.nvs4j.internal.format.EntryState;
import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.internal.format.NvsCrc;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.internal.format.PageState;
import io.github.nvs4j.model.NvsValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookup and boot rules of nvs-format.md §7, each on a hand-built image (see {@link TestImage}) whose expected
 * outcome is the one the specification states.
 */
class RuntimeRulesTest {

    private static List<String> listed(DeviceView view) {
        return view.entries().stream().map(e -> e.namespace() + "/" + e.key() + "=" + e.value()).toList();
    }

    private static TestImage basic(int pages) {
        return new TestImage(pages).page(0, PageState.ACTIVE, 0).namespace(0, 0, "ns", 1);
    }

    @Test
    void typeMismatchGoesOnToTheNextPage() {
        // §7.6: the first match on page 0 has another type; the search continues with page 1.
        byte[] image = new TestImage(4)
                .page(0, PageState.FULL, 0).namespace(0, 0, "ns", 1).fixed(0, 1, 1, ItemType.U8, "k", 7)
                .page(1, PageState.FULL, 1).fixed(1, 0, 1, ItemType.U16, "k", 513)
                .page(2, PageState.ACTIVE, 2).fixed(2, 0, 1, ItemType.U8, "z", 1)
                .bytes();
        DeviceView view = NvsReader.boot(image);
        assertThat(listed(view)).containsExactly("ns/k=U8[value=7]", "ns/k=U16[value=513]", "ns/z=U8[value=1]");
    }

    @Test
    void firstMatchInPageOrderWinsAndPagesAreOrderedBySequenceNumber() {
        // §1.6, §7.6: page 1 has sequence 0, so its copy of k is the oldest and the one every read returns.
        byte[] image = new TestImage(4)
                .page(0, PageState.FULL, 1).fixed(0, 0, 1, ItemType.U8, "k", 2)
                .page(1, PageState.FULL, 0).namespace(1, 0, "ns", 1).fixed(1, 1, 1, ItemType.U8, "k", 1)
                .page(2, PageState.ACTIVE, 2).fixed(2, 0, 1, ItemType.U8, "z", 3)
                .bytes();
        DeviceView view = NvsReader.boot(image);
        assertThat(listed(view)).containsExactly("ns/k=U8[value=1]", "ns/k=U8[value=1]", "ns/z=U8[value=3]");
        assertThat(view.repairs()).isEmpty();
        assertThat(view.toModel().get("ns", "k")).contains(new NvsValue.U8(1));
    }

    @Test
    void laterCopyOnTheActivePageWins() {
        // §7.2 step 3: the earlier item with the same hash is erased.
        byte[] image = basic(3).fixed(0, 1, 1, ItemType.U8, "k", 1).fixed(0, 2, 1, ItemType.U8, "k", 2).bytes();
        DeviceView view = NvsReader.boot(image);
        assertThat(listed(view)).containsExactly("ns/k=U8[value=2]");
        assertThat(view.repairs()).extracting(BootRepair::kind, BootRepair::entry)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(BootRepair.Kind.DUPLICATE_IN_PAGE, 1));
        assertThat(view.stats()).contains(new Stats(2, 376, 250, 378, 1));
    }

    @Test
    void genuine24BitHashCollisionErasesTheEarlierKeyOnlyOnTheActivePage() {
        String[] keys = collidingKeys(1);
        // §7.2 step 3 / §7.7: on the ACTIVE page the earlier key disappears although the keys differ.
        byte[] active = basic(3).fixed(0, 1, 1, ItemType.U8, keys[0], 1).fixed(0, 2, 1, ItemType.U8, keys[1], 2)
                .bytes();
        assertThat(listed(NvsReader.boot(active))).containsExactly("ns/" + keys[1] + "=U8[value=2]");
        // §7.3: a FULL page keeps both; a lookup of the second key starts at the first node with its hash (the
        // other key) and scans forward to it.
        byte[] full = new TestImage(3).page(0, PageState.FULL, 0).namespace(0, 0, "ns", 1)
                .fixed(0, 1, 1, ItemType.U8, keys[0], 1).fixed(0, 2, 1, ItemType.U8, keys[1], 2)
                .page(1, PageState.ACTIVE, 1).fixed(1, 0, 1, ItemType.U8, "other", 3).bytes();
        assertThat(listed(NvsReader.boot(full))).containsExactlyInAnyOrder("ns/" + keys[0] + "=U8[value=1]",
                "ns/" + keys[1] + "=U8[value=2]", "ns/other=U8[value=3]");
    }

    /** Two different keys whose item hashes (namespace, 16 key bytes, chunk index 0xFF) agree in 24 bits. */
    static String[] collidingKeys(int ns) {
        Map<Integer, String> seen = new HashMap<>();
        for (int i = 0; ; i++) {
            String key = "c" + i;
            byte[] in = new byte[18];
            in[0] = (byte) ns;
            byte[] k = key.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(k, 0, in, 1, k.length);
            in[17] = (byte) 0xFF;
            int hash = NvsCrc.of(in, 0, 18) & 0xFFFFFF;
            String other = seen.putIfAbsent(hash, key);
            if (other != null) {
                return new String[] {other, key};
            }
        }
    }

    @Test
    void chunkIndexOnAPlainItemMakesItUnfindable() {
        // §2.5: the hash includes the chunk index, so a lookup with 0xff never reaches the item.
        byte[] image = basic(3).fixed(0, 1, 1, ItemType.U8, "k", 1).poke(Page.entryOffset(0, 1) + 3, 5)
                .reseal(0, 1).bytes();
        DeviceView view = NvsReader.boot(image);
        assertThat(view.entries()).isEmpty();
        assertThat(view.unreadable()).containsExactly(
                new UnreadableEntry("ns", "k", io.github.nvs4j.model.ValueType.U8, "ESP_ERR_NVS_NOT_FOUND"));
    }

    @Test
    void keyBytesAfterTheNulAreListedUnderTheShortKeyButCannotBeRead() {
        // §7.6 iterators: listed under the key up to the NUL; a read hashes the zero-padded key.
        byte[] image = basic(3).fixed(0, 1, 1, ItemType.U8, "k", 1).poke(Page.entryOffset(0, 1) + 8 + 5, 'x')
                .reseal(0, 1).bytes();
        DeviceView view = NvsReader.boot(image);
        assertThat(view.unreadable()).extracting(UnreadableEntry::key).containsExactly("k");
    }

    @Test
    void newerFormatVersionRefusesThePartitionOnlyWithAValidHeaderCrc() {
        byte[] image = basic(3).fixed(0, 1, 1, ItemType.U8, "k", 1).bytes();
        image[8] = (byte) 0xFD;
        // §7.1 step 2: the CRC no longer matches, so the page is just corrupt.
        assertThat(NvsReader.boot(image).init()).isEqualTo(InitResult.ESP_OK);
        assertThat(NvsReader.boot(image).entries()).isEmpty();
        // §1.7, §7.1 step 3: with a valid CRC the whole init fails, before the state is even looked at.
        io.github.nvs4j.internal.format.Bytes.putU32(image, 28, NvsCrc.pageHeader(image, 0));
        io.github.nvs4j.internal.format.Bytes.putU32(image, 0, 0x12345678);
        DeviceView view = NvsReader.boot(image);
        assertThat(view.init()).isEqualTo(InitResult.ESP_ERR_NVS_NEW_VERSION_FOUND);
        assertThat(view.toJson()).contains("\"init\": \"ESP_ERR_NVS_NEW_VERSION_FOUND\",\n  \"stats\": null,\n"
                + "  \"entries\": [],\n  \"unreadable\": [],\n  \"unlisted\": []\n}\n");
    }

    @Test
    void secondFreeingPageMakesStatsFail() {
        // §7.4 step 3: only the first FREEING page is recovered; §7.9: stats fail while another is in use.
        byte[] image = new TestImage(5)
                .page(0, PageState.FREEING, 0).namespace(0, 0, "ns", 1).fixed(0, 1, 1, ItemType.U8, "a", 1)
                .page(1, PageState.FREEING, 1).fixed(1, 0, 1, ItemType.U8, "b", 2)
                .page(2, PageState.ACTIVE, 2).fixed(2, 0, 1, ItemType.U8, "c", 3)
                .bytes();
        DeviceView view = NvsReader.boot(image);
        assertThat(view.init()).isEqualTo(InitResult.ESP_OK);
        assertThat(view.stats()).isEmpty();
        // page 2 was the partial copy and is discarded; page 0's items move to the end of the log
        assertThat(listed(view)).containsExactly("ns/a=U8[value=1]", "ns/b=U8[value=2]");
        assertThat(view.repairs()).extracting(BootRepair::kind).containsExactly(
                BootRepair.Kind.PARTIAL_COPY_DISCARDED, BootRepair.Kind.FREEING_PAGE_RECOVERED);
        assertThat(view.toJson()).contains("\"stats\": null,");
    }

    @Test
    void floatAndDoubleAreListedWithCFormattingAndTheirBits() {
        byte[] image = basic(3)
                .fixed(0, 1, 1, ItemType.FLOAT, "f", Float.floatToRawIntBits(0.1f))
                .fixed(0, 2, 1, ItemType.DOUBLE, "d", Double.doubleToRawLongBits(0.1))
                .fixed(0, 3, 1, ItemType.FLOAT, "g", Float.floatToRawIntBits(1.5f))
                .bytes();
        String json = NvsReader.boot(image).toJson();
        assertThat(json).contains(
                "    {\"namespace\": \"ns\", \"key\": \"d\", \"type\": \"double\", \"value\": 0.10000000000000001, "
                        + "\"bits\": \"3fb999999999999a\"},\n"
                        + "    {\"namespace\": \"ns\", \"key\": \"f\", \"type\": \"float\", \"value\": 0.100000001, "
                        + "\"bits\": \"3dcccccd\"},\n"
                        + "    {\"namespace\": \"ns\", \"key\": \"g\", \"type\": \"float\", \"value\": 1.5, "
                        + "\"bits\": \"3fc00000\"}\n");
    }

    @Test
    void stringsLoseOnlyTheirTerminatorAndMayHoldAnyBytes() {
        // §4: one trailing NUL is stripped if present; nothing checks the bytes before it.
        byte[] bad = {'a', (byte) 0xC3, 0};
        byte[] image = basic(3).variable(0, 1, 1, ItemType.SZ, "s", 0xFF, bad)
                .variable(0, 3, 1, ItemType.SZ, "t", 0xFF, new byte[] {'a', 0, 'b', 0})
                .variable(0, 5, 1, ItemType.SZ, "u", 0xFF, new byte[] {'x', 'y'})
                .bytes();
        DeviceView view = NvsReader.boot(image);
        assertThat(view.entries()).extracting(ViewEntry::value).containsExactly(
                NvsValue.Str.ofBytes(new byte[] {'a', (byte) 0xC3}), NvsValue.Str.ofBytes(new byte[] {'a', 0, 'b'}),
                NvsValue.Str.of("xy"));
        assertThat(view.toJson()).contains("\"key\": \"s\", \"type\": \"str\", \"value\": \"a\uFFFD\", \"value_hex\": \"61c3\"}",
                "\"key\": \"t\", \"type\": \"str\", \"value\": \"a\\u0000b\"}", "\"value\": \"xy\"}");
    }

    @Test
    void blankImagesMountAndWrittenSinglePagesNeedASparePage() {
        DeviceView blank = NvsReader.boot(new TestImage(1).bytes());
        assertThat(blank.init()).isEqualTo(InitResult.ESP_OK);
        assertThat(blank.stats()).contains(new Stats(0, 126, 0, 126, 0));
        byte[] one = basic(1).fixed(0, 1, 1, ItemType.U8, "k", 1).bytes();
        assertThat(NvsReader.boot(one).init()).isEqualTo(InitResult.ESP_ERR_NVS_NO_FREE_PAGES);
        DeviceView readOnly = NvsReader.boot(one, PartitionMode.READ_ONLY);
        assertThat(readOnly.init()).isEqualTo(InitResult.ESP_OK);
        assertThat(listed(readOnly)).containsExactly("ns/k=U8[value=1]");
        assertThat(readOnly.stats()).contains(new Stats(2, 124, 0, 126, 1));
    }

    @Test
    void zeroPagesGiveNotEnoughSpace() {
        for (int length : new int[] {0, 1, 4095}) {
            DeviceView view = NvsReader.boot(new byte[length]);
            assertThat(view.init()).isEqualTo(InitResult.ESP_ERR_NVS_NOT_ENOUGH_SPACE);
            assertThat(view.stats()).isEmpty();
            assertThat(view.toModel().size()).isZero();
        }
        assertThat(NvsReader.boot(new byte[0]).repairs()).isEmpty();
        assertThat(NvsReader.boot(new byte[7]).repairs()).extracting(BootRepair::kind)
                .containsExactly(BootRepair.Kind.TRAILING_BYTES_IGNORED);
    }

    @Test
    void aWrittenEntryBehindAnEmptyHoleCountsAsUsedButIsInvisible() {
        // §7.2 step 2 and §7.9
        byte[] image = basic(3).fixed(0, 2, 1, ItemType.U8, "k", 1).bytes();
        DeviceView view = NvsReader.boot(image);
        assertThat(view.entries()).isEmpty();
        assertThat(view.stats()).contains(new Stats(2, 376, 250, 378, 1));
    }

    @Test
    void corruptPagesAreFreeAndCounted() {
        byte[] image = basic(3).fixed(0, 1, 1, ItemType.U8, "k", 1).poke(Page.SIZE + 100, 0).bytes();
        DeviceView view = NvsReader.boot(image);
        assertThat(view.repairs()).extracting(BootRepair::kind, BootRepair::page)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(BootRepair.Kind.PAGE_NOT_BLANK, 1));
        assertThat(view.stats()).contains(new Stats(2, 376, 250, 378, 1));
        // an unwritten bitmap pair is illegal on the ACTIVE page only
        byte[] illegal = new TestImage(3).page(0, PageState.ACTIVE, 0).namespace(0, 0, "ns", 1)
                .fixed(0, 1, 1, ItemType.U8, "k", 1).pair(0, 1, EntryState.ILLEGAL).bytes();
        assertThat(NvsReader.boot(illegal).repairs()).extracting(BootRepair::kind)
                .containsExactly(BootRepair.Kind.ILLEGAL_ENTRY_STATE);
    }
}
