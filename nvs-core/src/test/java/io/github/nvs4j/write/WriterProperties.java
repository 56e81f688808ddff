package io.github.nvs4j.write;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Random content written into a size that fits gives a well-formed image (every header, entry and data CRC
 * verifies, bitmap and spans agree, pages are FULL…FULL, ACTIVE, then blank) that decodes to exactly that content
 * in write order, with the output length rule of spec §6.4. Checked with the independent {@link ImageWalker}.
 */
class WriterProperties {

    /** One random case: the content, the version asked for, and how much room to give beyond the minimum. */
    record Scenario(NvsData data, FormatVersion version, boolean preferReadOnly, int extraPages) {
        @Override
        public String toString() {
            return "Scenario[" + version + ", " + data.namespaces().size() + " namespaces, " + data.size()
                    + " items, readOnly=" + preferReadOnly + ", extra=" + extraPages + "]";
        }
    }

    /** One random row: switch to a namespace, then put a key (unless it is taken there already). */
    record Row(int namespace, String key, NvsValue value) {
    }

    @Property(tries = 400)
    void writtenImagesAreWellFormedAndDecodeToTheirContent(@ForAll("scenarios") Scenario scenario) {
        NvsData data = scenario.data();
        FormatVersion version = scenario.version();
        if (version == FormatVersion.V1 && !fitsFormatOne(data)) {
            NvsInputException e = catchThrowableOfType(NvsInputException.class,
                    () -> NvsWriter.write(data, 0x100000, FormatVersion.V1));
            assertThat(e).isNotNull();
            assertThat(e.key()).isNotNull();
            return;
        }
        int pages = NvsWriter.pagesNeeded(data, version);
        boolean readOnly = scenario.preferReadOnly() && pages <= 2;
        long size = readOnly
                ? Math.max(pages, Math.min(2, pages + scenario.extraPages())) * 4096L
                : Math.max(0x3000L, (pages + 1L) * 4096) + scenario.extraPages() * 4096L;

        byte[] image = NvsWriter.write(data, size, version);

        ImageWalker.Result walk = ImageWalker.walk(image, version.headerByte());
        assertThat(walk.problems()).isEmpty();
        assertThat(walk.events()).containsExactlyElementsOf(ImageWalker.expectedEvents(data));
        assertThat(walk.headerPages()).isEqualTo(pages);
        assertThat(image.length).isEqualTo(readOnly ? pages * 4096 : (int) size);

        long tooSmall = readOnly ? (pages - 1) * 4096L : (pages * 4096L);
        if (tooSmall >= 0x3000 || readOnly && tooSmall == 0x1000) {
            NvsInputException e = catchThrowableOfType(NvsInputException.class,
                    () -> NvsWriter.write(data, tooSmall, version));
            assertThat(e).as("one page less than needed").isNotNull();
            assertThat(e.key()).isNotNull();
            assertThat(e.getMessage()).contains("does not fit");
        }
    }

    private static boolean fitsFormatOne(NvsData data) {
        return data.items().stream().map(NvsData.Item::value).allMatch(v ->
                v instanceof NvsValue.Str s ? s.length() + 1 <= 1984
                        : !(v instanceof NvsValue.Blob b) || b.length() <= 1984);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<String>> namespaces = names(1).list().ofMinSize(1).ofMaxSize(20);
        Arbitrary<List<Row>> rows = Combinators.combine(Arbitraries.integers().between(0, 19), names(0), values())
                .as(Row::new).list().ofMaxSize(300).withSizeDistribution(RandomDistribution.uniform());
        return Combinators.combine(namespaces, rows, Arbitraries.of(FormatVersion.class),
                        Arbitraries.of(true, false), Arbitraries.integers().between(0, 3))
                .as((ns, rs, version, readOnly, extra) ->
                        new Scenario(build(ns, rs), version, readOnly, extra));
    }

    private static NvsData build(List<String> namespaces, List<Row> rows) {
        NvsData.Builder builder = NvsData.builder();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (Row row : rows) {
            String namespace = namespaces.get(row.namespace() % namespaces.size());
            builder.namespace(namespace);
            if (taken.add(namespace + "\0" + row.key())) {
                builder.put(row.key(), row.value());
            }
        }
        for (String namespace : namespaces) {
            builder.namespace(namespace); // namespaces without items, defined after the rows
        }
        return builder.build();
    }

    /** Keys and namespace names: mostly ASCII, sometimes 2- or 3-byte UTF-8 characters, at most 15 bytes. */
    private static Arbitrary<String> names(int minLength) {
        return Arbitraries.strings()
                .withCharRange('a', 'z').withCharRange('0', '9').withChars('_', '.', 'é', 'ж', '€')
                .ofMinLength(minLength).ofMaxLength(15)
                .filter(s -> s.getBytes(StandardCharsets.UTF_8).length <= 15);
    }

    private static Arbitrary<NvsValue> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 255).map(NvsValue.U8::new)),
                Tuple.of(1, Arbitraries.integers().between(-128, 127).map(NvsValue.I8::new)),
                Tuple.of(1, Arbitraries.integers().between(0, 65535).map(NvsValue.U16::new)),
                Tuple.of(1, Arbitraries.integers().between(-32768, 32767).map(NvsValue.I16::new)),
                Tuple.of(1, Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(NvsValue.U32::new)),
                Tuple.of(1, Arbitraries.integers().map(NvsValue.I32::new)),
                Tuple.of(1, Arbitraries.longs().map(NvsValue.U64::new)),
                Tuple.of(1, Arbitraries.longs().map(NvsValue.I64::new)),
                Tuple.of(1, Arbitraries.integers().map(NvsValue.F32::new)),
                Tuple.of(1, Arbitraries.longs().map(NvsValue.F64::new)),
                Tuple.of(3, bytes(Arbitraries.frequencyOf(
                        Tuple.of(6, Arbitraries.integers().between(0, 100)),
                        Tuple.of(2, Arbitraries.integers().between(101, 1983)),
                        Tuple.of(1, Arbitraries.integers().between(1984, 3999)),
                        Tuple.of(1, Arbitraries.integers().between(3960, 3999))))
                        .map(NvsValue.Str::ofBytes)),
                Tuple.of(2, bytes(Arbitraries.frequencyOf(
                        Tuple.of(6, Arbitraries.integers().between(0, 100)),
                        Tuple.of(2, Arbitraries.integers().between(101, 1984)),
                        Tuple.of(1, Arbitraries.integers().between(1985, 40_000))))
                        .map(NvsValue.Blob::of)));
    }

    /** Byte arrays of the given lengths, filled from a random seed (cheap to generate and to shrink). */
    private static Arbitrary<byte[]> bytes(Arbitrary<Integer> length) {
        return Combinators.combine(length, Arbitraries.longs()).as((n, seed) -> {
            byte[] bytes = new byte[n];
            new java.util.Random(seed).nextBytes(bytes);
            return bytes;
        });
    }
}
