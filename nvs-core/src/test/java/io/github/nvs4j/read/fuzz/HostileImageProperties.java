package io.github.nvs4j.read.fuzz;

import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.format.Entry;
import io.github.nvs4j.internal.format.NvsCrc;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.read.DeviceView;
import io.github.nvs4j.read.NvsReader;
import io.github.nvs4j.read.PartitionMode;
import io.github.nvs4j.testing.TestData;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue "read like the device": valid images (the device images and the generator's outputs) mutated at random —
 * bit flips, bytes set to 0x00 / 0xFF, bitmap pairs changed, truncation to any length, entries copied elsewhere,
 * header fields changed with the CRC fixed, page headers and pages swapped, state words and sequence numbers
 * changed — never make {@code boot}, {@code toJson}, {@code toModel} or {@code readModel} throw anything but
 * {@link NvsFormatException}; they finish quickly, allocate in proportion to the image and leave it unchanged.
 */
class HostileImageProperties {

    private static final List<byte[]> SOURCES = loadSources();

    private static List<byte[]> loadSources() {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestData.path("device-images"))) {
            files.filter(p -> p.toString().endsWith(".bin")).sorted().forEach(p -> out.add(read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> dirs = Files.list(TestData.path("conformance"))) {
            dirs.map(d -> d.resolve("expected.bin")).filter(Files::exists).sorted()
                    .map(HostileImageProperties::read).filter(b -> b.length <= 64 * 1024).forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(out).hasSizeGreaterThan(60);
        return out;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedImages() {
        return Combinators.combine(Arbitraries.integers().between(0, SOURCES.size() - 1),
                Arbitraries.longs(), Arbitraries.integers().between(1, 12))
                .as((source, seed, count) -> mutate(SOURCES.get(source), new Random(seed), count));
    }

    @Property(tries = 1000)
    void mutatedImagesNeverBreakTheReader(@ForAll("mutatedImages") byte[] image) {
        exercise(image);
    }

    @Provide
    Arbitrary<byte[]> synthesizedImages() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.longs())
                .as((pages, seed) -> synthesize(pages, new Random(seed)));
    }

    /** Pages with valid headers full of entries with valid CRCs and random fields reach the deeper rules. */
    @Property(tries = 1000)
    void synthesizedImagesNeverBreakTheReader(@ForAll("synthesizedImages") byte[] image) {
        exercise(image);
    }

    private static void exercise(byte[] image) {
        byte[] before = image.clone();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            long allocated = allocatedBytes();
            for (PartitionMode mode : PartitionMode.values()) {
                DeviceView view = NvsReader.boot(image, mode);
                assertThat(view.toJson()).endsWith("}\n");
                try {
                    view.toModel();
                } catch (NvsFormatException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                }
            }
            try {
                NvsReader.readModel(image);
            } catch (NvsFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
            long used = allocatedBytes() - allocated;
            assertThat(used).as("bytes allocated for a %d-byte image", image.length)
                    .isLessThan(200L * image.length + 8_000_000L);
        });
        assertThat(image).isEqualTo(before);
    }

    /**
     * Bytes allocated so far by the current thread ({@code com.sun.management.ThreadMXBean}, reached reflectively
     * because the test code is compiled inside the module, which does not read {@code jdk.management}).
     */
    private static long allocatedBytes() throws ReflectiveOperationException {
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                .invoke(null);
        Method method = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
        return (Long) method.invoke(bean);
    }

    static byte[] mutate(byte[] source, Random r, int count) {
        byte[] b = source.clone();
        for (int n = 0; n < count && b.length > 0; n++) {
            int pages = b.length / Page.SIZE;
            switch (r.nextInt(11)) {
                case 0 -> {
                    int at = r.nextInt(b.length);
                    b[at] ^= (byte) (1 << r.nextInt(8));
                }
                case 1 -> b[r.nextInt(b.length)] = r.nextBoolean() ? 0 : (byte) 0xFF;
                case 2 -> {
                    if (pages > 0) {
                        int p = r.nextInt(pages);
                        int i = r.nextInt(Page.ENTRY_COUNT);
                        int at = p * Page.SIZE + Page.BITMAP_OFFSET + (i >> 2);
                        int shift = (i & 3) << 1;
                        b[at] = (byte) ((b[at] & ~(3 << shift)) | (r.nextInt(4) << shift));
                    }
                }
                case 3 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
                case 4 -> {
                    if (pages > 0) {
                        int from = Page.entryOffset(r.nextInt(pages), r.nextInt(Page.ENTRY_COUNT));
                        int p = r.nextInt(pages);
                        int i = r.nextInt(Page.ENTRY_COUNT);
                        System.arraycopy(b, from, b, Page.entryOffset(p, i), Page.ENTRY_SIZE);
                        if (r.nextBoolean()) {
                            int at = p * Page.SIZE + Page.BITMAP_OFFSET + (i >> 2);
                            int shift = (i & 3) << 1;
                            b[at] = (byte) ((b[at] & ~(3 << shift)) | (2 << shift));
                        }
                    }
                }
                case 5 -> {
                    if (pages > 1) {
                        int p = r.nextInt(pages);
                        int q = r.nextInt(pages);
                        int len = r.nextBoolean() ? 32 : Page.SIZE;
                        byte[] tmp = java.util.Arrays.copyOfRange(b, p * Page.SIZE, p * Page.SIZE + len);
                        System.arraycopy(b, q * Page.SIZE, b, p * Page.SIZE, len);
                        System.arraycopy(tmp, 0, b, q * Page.SIZE, len);
                    }
                }
                case 6 -> {
                    if (pages > 0) {
                        int e = Page.entryOffset(r.nextInt(pages), r.nextInt(Page.ENTRY_COUNT));
                        int field = r.nextInt(8);
                        int at = field < 4 ? e + field : e + 24 + (field - 4);
                        b[at] = r.nextInt(3) == 0 ? (byte) 0xFF : (byte) r.nextInt(256);
                        Entry.sealCrc(b, e);
                    }
                }
                case 7 -> {
                    if (pages > 0) {
                        int[] words = {0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFC, 0xFFFFFFF8, 0, r.nextInt()};
                        Bytes.putU32(b, r.nextInt(pages) * Page.SIZE, words[r.nextInt(words.length)]);
                    }
                }
                case 8 -> {
                    if (pages > 0) {
                        int p = r.nextInt(pages) * Page.SIZE;
                        Bytes.putU32(b, p + 4, r.nextInt(4));
                        Bytes.putU32(b, p + 28, NvsCrc.pageHeader(b, p));
                    }
                }
                case 9 -> {
                    if (pages > 1) {
                        System.arraycopy(b, r.nextInt(pages) * Page.SIZE, b, r.nextInt(pages) * Page.SIZE,
                                Page.SIZE);
                    }
                }
                default -> {
                    // zero an entry, as the runtime's purge does
                    if (pages > 0) {
                        int e = Page.entryOffset(r.nextInt(pages), r.nextInt(Page.ENTRY_COUNT));
                        java.util.Arrays.fill(b, e, e + Page.ENTRY_SIZE, (byte) 0);
                    }
                }
            }
        }
        return b;
    }

    static byte[] synthesize(int pages, Random r) {
        byte[] b = new byte[pages * Page.SIZE + (r.nextInt(4) == 0 ? r.nextInt(Page.SIZE) : 0)];
        java.util.Arrays.fill(b, (byte) 0xFF);
        int[] types = {0x01, 0x11, 0x02, 0x12, 0x04, 0x14, 0x08, 0x18, 0x24, 0x28, 0x21, 0x41, 0x42, 0x48, 0x99};
        String[] keys = {"a", "b", "k", "key", ""};
        for (int p = 0; p < pages; p++) {
            if (r.nextInt(4) == 0) {
                continue;
            }
            int[] states = {0xFFFFFFFE, 0xFFFFFFFC, 0xFFFFFFF8};
            int off = p * Page.SIZE;
            Bytes.putU32(b, off, states[r.nextInt(states.length)]);
            Bytes.putU32(b, off + 4, r.nextInt(pages + 1));
            b[off + 8] = (byte) 0xFE;
            Bytes.putU32(b, off + 28, NvsCrc.pageHeader(b, off));
            int used = r.nextInt(Page.ENTRY_COUNT + 1);
            for (int i = 0; i < used; i++) {
                int e = Page.entryOffset(p, i);
                int type = types[r.nextInt(types.length)];
                b[e] = (byte) (r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(3));
                b[e + 1] = (byte) (b[e] == 0 ? 0x01 : type);
                int size = r.nextInt(4) == 0 ? r.nextInt(200) : r.nextInt(8);
                boolean variable = type == 0x21 || type == 0x41 || type == 0x42;
                b[e + 2] = (byte) (variable ? 1 + (size + 31) / 32 : 1);
                b[e + 3] = (byte) (type == 0x42 ? (r.nextBoolean() ? r.nextInt(3) : 0x80 + r.nextInt(3)) : 0xFF);
                byte[] key = keys[r.nextInt(keys.length)].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                Entry.putKey(b, e, key);
                if (type == 0x48) {
                    Bytes.putU32(b, e + 24, r.nextInt(300));
                    b[e + 28] = (byte) r.nextInt(3);
                    b[e + 29] = (byte) (r.nextBoolean() ? 0 : 0x80);
                } else if (variable) {
                    Bytes.putU16(b, e + 24, size);
                    Bytes.putU32(b, e + 28, r.nextInt());
                } else {
                    b[e + 24] = (byte) r.nextInt(4);
                }
                Entry.sealCrc(b, e);
                int state = r.nextInt(10) == 0 ? r.nextInt(4) : 2;
                int at = off + Page.BITMAP_OFFSET + (i >> 2);
                int shift = (i & 3) << 1;
                b[at] = (byte) ((b[at] & ~(3 << shift)) | (state << shift));
            }
        }
        return b;
    }
}
