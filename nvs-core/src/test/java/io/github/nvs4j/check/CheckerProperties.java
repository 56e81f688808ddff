package io.github.nvs4j.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.read.PartitionMode;
import io.github.nvs4j.testing.TestData;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random mutations of valid recorded images: the checker and the nvs_tool dump never throw (except the documented
 * {@link NvsFormatException} for an image shorter than one page), finish quickly, and every finding has a location
 * that lies in the image.
 */
class CheckerProperties {

    private static final List<String> BASES = List.of(
            "conformance/check-clean/image.bin",
            "conformance/blob_multipage_v2/expected.bin",
            "conformance/v1_mixed_types/expected.bin",
            "conformance/string_basic/expected.bin",
            "conformance/key_nonascii/expected.bin",
            "device-images/wl-mixed-4000-50.bin",
            "device-images/wl-blobs-3000-200.bin",
            "device-images/torn-freeing.bin",
            "device-images/edge-halfwritten-run.bin");

    private static final byte[][] IMAGES = BASES.stream().map(TestData::bytes).toArray(byte[][]::new);

    /** One edit of an image. */
    record Edit(int kind, int position, int value) {
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Edit> edit = Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 255)).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 500)
    void checkerNeverFailsOnMutatedImages(@ForAll @IntRange(min = 0, max = 8) int base,
            @ForAll("edits") List<Edit> edits, @ForAll boolean readOnly) {
        byte[] image = mutate(IMAGES[base], edits);
        PartitionMode mode = readOnly ? PartitionMode.READ_ONLY : PartitionMode.READ_WRITE;
        long start = System.nanoTime();

        if (image.length < Page.SIZE) {
            assertThatThrownBy(() -> IntegrityChecker.check(image, mode)).isInstanceOf(NvsFormatException.class);
        } else {
            CheckReport report = IntegrityChecker.check(image, mode);
            for (Finding f : report.findings()) {
                assertValidLocation(f, image.length, report.pageCount());
            }
            assertThat(report.toJson()).startsWith("{");
            assertThat(report.toText().lines().count()).isEqualTo(report.findings().size());
        }
        MinimalDump dump = NvsToolDump.minimal(image);
        assertThat(dump.json()).endsWith("\n");

        assertThat(System.nanoTime() - start).as("nanoseconds").isLessThan(2_000_000_000L);
    }

    private static void assertValidLocation(Finding f, int length, int pageCount) {
        assertThat(f.message()).isNotBlank();
        assertThat(f.page()).isBetween(-1, pageCount - 1);
        assertThat(f.offset()).isBetween(-1L, (long) length - 1);
        if (f.page() < 0) {
            assertThat(f.entry()).isEqualTo(-1);
            assertThat(f.key()).isNull();
        } else if (f.entry() < 0) {
            assertThat(f.offset()).isEqualTo((long) Page.offset(f.page()));
        } else {
            assertThat(f.offset()).isEqualTo((long) Page.entryOffset(f.page(), f.entry()));
        }
    }

    /** Applies edits: set a byte, flip a bit, fill an entry, copy an entry, change the length, set a state pair. */
    private static byte[] mutate(byte[] original, List<Edit> edits) {
        byte[] image = original.clone();
        for (Edit e : edits) {
            int n = image.length;
            if (n == 0) {
                break;
            }
            int at = e.position % n;
            switch (e.kind) {
                case 0 -> image[at] = (byte) e.value;
                case 1 -> image[at] ^= (byte) (1 << (e.value & 7));
                case 2 -> Arrays.fill(image, at & ~31, Math.min(n, (at & ~31) + 32), (byte) e.value);
                case 3 -> {
                    int from = (e.value * 32) % n & ~31;
                    System.arraycopy(image, from, image, at & ~31, Math.min(32, Math.min(n - from, n - (at & ~31))));
                }
                case 4 -> image = Arrays.copyOf(image, Math.max(0, n + (e.value - 128) * 64));
                default -> {
                    int page = at / Page.SIZE;
                    int bitmap = page * Page.SIZE + 32 + (e.value % 32);
                    if (bitmap < n) {
                        image[bitmap] = (byte) e.value;
                    }
                }
            }
        }
        return image;
    }
}
