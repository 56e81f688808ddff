package io.github.nvs4j.read.fuzz;

import io.github.nvs4j.internal.format.CrcVerdicts;
import io.github.nvs4j.internal.runtime.Boot;
import io.github.nvs4j.internal.runtime.BootOutcome;
import io.github.nvs4j.internal.runtime.ViewRows;
import io.github.nvs4j.testing.TestData;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integrity checker boots an image without keeping values ({@link Boot#runWithoutValues}: no value copied, no
 * row sorted, CRC verdicts shared with its format checks). That boot must decide exactly what the full boot of the
 * device view decides, which is checked against the device oracle elsewhere: the same init result, statistics and
 * repairs (in the same order, with the same words), and the same blob rows (which the unlisted rule searches) and
 * legacy blobs, on the device images and on mutated and synthesised images (the mutations of
 * {@link HostileImageProperties}).
 */
class BootWithoutValuesProperties {

    private static final List<byte[]> SOURCES = loadSources();

    private static List<byte[]> loadSources() {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestData.path("device-images"))) {
            files.filter(p -> p.toString().endsWith(".bin")).sorted().forEach(p -> {
                try {
                    out.add(Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(out).hasSizeGreaterThanOrEqualTo(36);
        return out;
    }

    @Provide
    Arbitrary<byte[]> images() {
        Arbitrary<byte[]> mutated = Combinators.combine(Arbitraries.integers().between(0, SOURCES.size() - 1),
                        Arbitraries.longs(), Arbitraries.integers().between(0, 12))
                .as((source, seed, count) -> HostileImageProperties.mutate(SOURCES.get(source), new Random(seed),
                        count));
        Arbitrary<byte[]> synthesized = Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.longs())
                .as((pages, seed) -> HostileImageProperties.synthesize(pages, new Random(seed)));
        return Arbitraries.oneOf(mutated, synthesized);
    }

    @Property(tries = 1500)
    void decidesWhatTheFullBootDecides(@ForAll("images") byte[] image, @ForAll boolean readOnly) {
        BootOutcome full = Boot.run(image, readOnly);
        BootOutcome lean = Boot.runWithoutValues(new CrcVerdicts(image), readOnly);

        assertThat(lean.init()).isEqualTo(full.init());
        assertThat(lean.stats()).isEqualTo(full.stats());
        assertThat(lean.repairs()).isEqualTo(full.repairs());
        assertThat(rows(lean.listed(), true)).isEqualTo(rows(full.listed(), true));
        assertThat(rows(lean.unlisted(), false)).isEqualTo(rows(full.unlisted(), false));
    }

    /**
     * The rows as comparable text, in slot order (the lean boot does not sort them); of the listed rows only the
     * blobs, the rows the lean boot keeps (for the unlisted rule).
     */
    private static TreeSet<String> rows(ViewRows rows, boolean blobsOnly) {
        TreeSet<String> out = new TreeSet<>();
        for (int r = 0; r < rows.size(); r++) {
            if (blobsOnly && rows.type(r) != 0x42) {
                continue;
            }
            out.add(String.format("%06d/%03d %d %s %s %02x %d", rows.page(r), rows.entry(r), rows.position(r),
                    new String(rows.namespace(r), java.nio.charset.StandardCharsets.ISO_8859_1),
                    new String(rows.key(r), java.nio.charset.StandardCharsets.ISO_8859_1), rows.type(r),
                    rows.error(r)));
        }
        return out;
    }
}
