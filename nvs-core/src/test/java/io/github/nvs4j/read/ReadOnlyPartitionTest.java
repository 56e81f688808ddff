package io.github.nvs4j.read;

import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.internal.format.PageState;
import io.github.nvs4j.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PartitionMode#READ_ONLY}: no page-manager pass (nvs-format.md §7.4), no spare-page rule, and every erase
 * fails (§7.6 "Read-only partitions"): a repair whose failure the runtime reports fails the init with
 * {@code ESP_ERR_NOT_ALLOWED}; an ignored erase of a single entry turns the page INVALID, which makes all its items
 * invisible.
 */
class ReadOnlyPartitionTest {

    static Stream<String> untornWorkloadImages() throws IOException {
        return DeviceImagesTest.images().filter(n -> n.startsWith("wl-"));
    }

    /** An untorn device image needs no repair, so read-only gives the same view. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("untornWorkloadImages")
    void untornImagesLookTheSame(String name) throws IOException {
        byte[] image = TestData.bytes("device-images/" + name + ".bin");
        String expected = Files.readString(TestData.path("device-images/" + name + ".expected.json"),
                StandardCharsets.UTF_8);
        DeviceView view = NvsReader.boot(image, PartitionMode.READ_ONLY);
        assertThat(view.toJson()).isEqualTo(expected);
        assertThat(view.repairs()).isEmpty();
    }

    @Test
    void duplicateOnTheActivePageMakesThePageInvisible() {
        // §7.2 step 3 erases the earlier copy and ignores the result; on a read-only partition the erase fails
        // and the page turns INVALID: its items, the namespace entry included, disappear; it counts as free.
        byte[] image = new TestImage(3).page(0, PageState.FULL, 0).namespace(0, 0, "ns", 1)
                .fixed(0, 1, 1, ItemType.U8, "a", 3)
                .page(1, PageState.ACTIVE, 1).fixed(1, 0, 1, ItemType.U8, "k", 1).fixed(1, 1, 1, ItemType.U8, "k", 2)
                .bytes();
        assertThat(NvsReader.boot(image).entries()).extracting(ViewEntry::key).containsExactly("a", "k");
        DeviceView view = NvsReader.boot(image, PartitionMode.READ_ONLY);
        assertThat(view.init()).isEqualTo(InitResult.ESP_OK);
        assertThat(view.entries()).extracting(ViewEntry::key).containsExactly("a");
        // the INVALID page is a free page for the statistics
        assertThat(view.stats()).contains(new Stats(2, 376, 250, 378, 1));
        assertThat(view.repairs()).extracting(BootRepair::kind, BootRepair::applied).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BootRepair.Kind.DUPLICATE_IN_PAGE, false),
                org.assertj.core.groups.Tuple.tuple(BootRepair.Kind.PAGE_INVALIDATED, false));
    }

    @Test
    void generatorImageWithDuplicateKeysLosesItsLastPage() {
        // §7.6: "A generator image for a read-only partition with duplicate keys in its last page therefore loses
        // that whole page on the device." (conformance case duplicate_keys: k twice, m as u32 then as string)
        byte[] image = TestData.bytes("conformance/duplicate_keys/expected.bin");
        assertThat(NvsReader.boot(image).entries()).extracting(ViewEntry::key).containsExactly("k", "m");
        DeviceView ro = NvsReader.boot(image, PartitionMode.READ_ONLY);
        assertThat(ro.init()).isEqualTo(InitResult.ESP_OK);
        assertThat(ro.entries()).isEmpty();
        assertThat(ro.repairs()).extracting(BootRepair::kind).contains(BootRepair.Kind.PAGE_INVALIDATED);
    }

    @Test
    void anInvalidPageCanBeTheOneActivatedForAnEmptyPageList() {
        // When no page holds a sequence number the page manager activates the first free page, INVALID or not;
        // nvs_get_stats then fails on it (Page::calcEntries refuses INVALID pages).
        byte[] image = new TestImage(3).page(0, PageState.ACTIVE, 0).namespace(0, 0, "ns", 1)
                .fixed(0, 1, 1, ItemType.U8, "k", 1).fixed(0, 2, 1, ItemType.U8, "k", 2).bytes();
        DeviceView view = NvsReader.boot(image, PartitionMode.READ_ONLY);
        assertThat(view.init()).isEqualTo(InitResult.ESP_OK);
        assertThat(view.entries()).isEmpty();
        assertThat(view.stats()).isEmpty();
    }

    @Test
    void incompleteStringOnAFullPageKeepsThePage() {
        // §7.3: the incomplete item is erased with its span, result ignored. A span of several entries goes through
        // alterEntryRangeState, whose failed bitmap write does not mark the page INVALID (unlike a single entry):
        // the pairs are already ERASED in RAM, the page and its namespace entry stay. Checked against the runtime
        // oracle of testdata/runtime-oracle (same answer: k readable, 2 used entries).
        byte[] image = new TestImage(3)
                .page(0, PageState.FULL, 0).namespace(0, 0, "ns", 1).string(0, 1, 1, "s", "hello")
                .pair(0, 2, io.github.nvs4j.internal.format.EntryState.EMPTY)
                .page(1, PageState.ACTIVE, 1).fixed(1, 0, 1, ItemType.U8, "k", 5).bytes();
        DeviceView rw = NvsReader.boot(image);
        assertThat(rw.entries()).extracting(ViewEntry::key).containsExactly("k");
        DeviceView ro = NvsReader.boot(image, PartitionMode.READ_ONLY);
        assertThat(ro.init()).isEqualTo(InitResult.ESP_OK);
        assertThat(ro.entries()).extracting(ViewEntry::namespace, ViewEntry::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ns", "k"));
        assertThat(ro.unreadable()).isEmpty();
        assertThat(ro.stats()).contains(new Stats(2, 376, 250, 378, 1));
    }

    @Test
    void halfWrittenEntryFailsTheInit() {
        // §7.2 step 2: the runtime reports the failed erase of a half-written entry.
        byte[] image = new TestImage(3).page(0, PageState.ACTIVE, 0).namespace(0, 0, "ns", 1)
                .poke(Page.entryOffset(0, 1), 0x01).bytes();
        assertThat(NvsReader.boot(image).init()).isEqualTo(InitResult.ESP_OK);
        DeviceView ro = NvsReader.boot(image, PartitionMode.READ_ONLY);
        assertThat(ro.init()).isEqualTo(InitResult.ESP_ERR_NOT_ALLOWED);
        assertThat(ro.toJson()).contains("\"init\": \"ESP_ERR_NOT_ALLOWED\",\n  \"stats\": null,");
    }

    @Test
    void entryFailingTheHeaderCheckFailsTheInit() {
        // §2.7 on a FULL page (§7.3): the failed erase is reported.
        byte[] image = new TestImage(3).page(0, PageState.FULL, 0).namespace(0, 0, "ns", 1)
                .fixed(0, 1, 1, ItemType.U8, "k", 1).poke(Page.entryOffset(0, 1) + 24, 9)
                .page(1, PageState.ACTIVE, 1).bytes();
        assertThat(NvsReader.boot(image).init()).isEqualTo(InitResult.ESP_OK);
        assertThat(NvsReader.boot(image, PartitionMode.READ_ONLY).init()).isEqualTo(InitResult.ESP_ERR_NOT_ALLOWED);
    }

    @Test
    void freeingPageIsNotRecoveredAndStatsFail() throws IOException {
        // §7.4 is skipped; §7.9: nvs_get_stats fails while a FREEING page is in the page list.
        byte[] image = TestData.bytes("device-images/torn-freeing.bin");
        DeviceView ro = NvsReader.boot(image, PartitionMode.READ_ONLY);
        assertThat(ro.init()).isEqualTo(InitResult.ESP_OK);
        assertThat(ro.stats()).isEmpty();
        assertThat(ro.repairs()).isEmpty();
        assertThat(NvsReader.boot(image).stats()).isPresent();
        // with no spare page the writable partition cannot mount; read-only still can
        byte[] noSpare = TestData.bytes("device-images/edge-freeing-no-spare.bin");
        assertThat(NvsReader.boot(noSpare).init()).isEqualTo(InitResult.ESP_ERR_NVS_NOT_ENOUGH_SPACE);
        assertThat(NvsReader.boot(noSpare, PartitionMode.READ_ONLY).entries()).isNotEmpty();
    }

    @Test
    void lastItemCheckIsSkipped() throws IOException {
        // §7.4 step 2 is not run: the older copy on the older page stays, and it is the one reads return.
        byte[] image = TestData.bytes("device-images/edge-lastitem-older-page.bin");
        DeviceView rw = NvsReader.boot(image);
        DeviceView ro = NvsReader.boot(image, PartitionMode.READ_ONLY);
        assertThat(ro.entries()).hasSize(rw.entries().size() + 1);
        assertThat(ro.entries()).filteredOn(e -> e.key().equals("key6"))
                .extracting(e -> e.value().toString()).containsOnly("I32[value=279]");
    }

    @Test
    void readingABadStringFailsWithNotAllowed() throws IOException {
        // §7.6: a data CRC mismatch erases the item; on a read-only partition that erase fails and is returned.
        byte[] image = TestData.bytes("device-images/torn-data-crc.bin");
        DeviceView ro = NvsReader.boot(image, PartitionMode.READ_ONLY);
        assertThat(ro.unreadable()).extracting(UnreadableEntry::error).containsExactly("ESP_ERR_NOT_ALLOWED");
    }
}
