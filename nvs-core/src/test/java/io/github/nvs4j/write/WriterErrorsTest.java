package io.github.nvs4j.write;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The inputs the generator refuses (conformance cases {@code err_*}, recorded with nvs_partition_gen.py 0.2.0) are
 * refused by nvs4j with an {@link NvsInputException} that names the key and says what would be accepted.
 */
class WriterErrorsTest {

    private static NvsData errorCase(String name) {
        return PlainCsv.read(TestData.path("conformance/" + name));
    }

    private static String recordedError(String name) throws IOException {
        return Files.readString(TestData.path("conformance/" + name + "/expected-error.txt"), StandardCharsets.UTF_8);
    }

    private static NvsInputException refused(NvsData data, long size, FormatVersion version) {
        return catchThrowableOfType(NvsInputException.class, () -> NvsWriter.write(data, size, version));
    }

    @Test
    void overflowNamesTheFirstKeyThatDoesNotFitAndTheSizeNeeded() throws IOException {
        assertThat(recordedError("err_overflow_primitives")).contains("InsufficientSizeError");
        // namespace + 252 u8 = 253 entries: 2 data pages hold 252, so k251 is the first that does not fit.
        NvsInputException e = refused(errorCase("err_overflow_primitives"), 0x3000, FormatVersion.V2);
        assertThat(e).isNotNull();
        assertThat(e.key()).isEqualTo("k251");
        assertThat(e.getMessage())
                .startsWith("key 'k251': ")
                .contains("namespace 'fill'", "0x3000", "2 pages for data and 1 spare page", "needs 3 pages",
                        "at least 0x4000");
    }

    @Test
    void readOnlyOverflowSuggestsTheTwoPageReadOnlySizeOrAReadWriteOne() throws IOException {
        assertThat(recordedError("err_overflow_readonly")).contains("InsufficientSizeError");
        // namespace + k0…k124 fill the only page of 0x1000; k125 needs a second one.
        NvsInputException e = refused(errorCase("err_overflow_readonly"), 0x1000, FormatVersion.V2);
        assertThat(e).isNotNull();
        assertThat(e.key()).isEqualTo("k125");
        assertThat(e.getMessage()).contains("0x1000", "read-only", "needs 2 pages", "0x2000", "0x3000");
    }

    @Test
    void overflowOfANamespaceDefinitionNamesTheNamespace() {
        NvsData.Builder b = NvsData.builder().namespace("a");
        for (int i = 0; i < 251; i++) {
            b.put("k" + i, new NvsValue.U8(1));
        }
        NvsInputException e = refused(b.namespace("second").put("x", new NvsValue.U8(1)).build(), 0x3000,
                FormatVersion.V2);
        assertThat(e).isNotNull();
        assertThat(e.key()).isEqualTo("second");
        assertThat(e.getMessage()).contains("namespace definition does not fit");
    }

    @Test
    void overflowWithALaterInvalidValueStillNamesTheKeyThatDidNotFit() {
        NvsData.Builder b = NvsData.builder().namespace("a");
        for (int i = 0; i < 130; i++) {
            b.put("k" + i, new NvsValue.U8(1));
        }
        NvsData data = b.put("big", NvsValue.Str.of("x".repeat(2000))).build();
        NvsInputException e = refused(data, 0x1000, FormatVersion.V1);
        assertThat(e).isNotNull();
        assertThat(e.key()).isEqualTo("k125");
        assertThat(e.getMessage()).contains("use a larger partition size");
    }

    @Test
    void formatOneStringOver1984BytesIsRefused() throws IOException {
        assertThat(recordedError("err_string_too_long_v1")).contains("Size (1985) exceeds max allowed length `1984`");
        NvsInputException e = refused(errorCase("err_string_too_long_v1"), 0x3000, FormatVersion.V1);
        assertThat(e).isNotNull();
        assertThat(e.key()).isEqualTo("s");
        assertThat(e.getMessage()).contains("1985 bytes", "at most 1984", "format version 2");
    }

    @Test
    void formatOneStringOf1984BytesIsAccepted() {
        NvsData data = NvsData.builder().namespace("ns").put("s", NvsValue.Str.of("x".repeat(1983))).build();
        assertThat(NvsWriter.write(data, 0x3000, FormatVersion.V1)).hasSize(0x3000);
    }

    @Test
    void formatOneBlobOver1984BytesIsRefused() throws IOException {
        assertThat(recordedError("err_blob_too_long_v1")).contains("Size (1985) exceeds max allowed length `1984`");
        NvsInputException e = refused(errorCase("err_blob_too_long_v1"), 0x3000, FormatVersion.V1);
        assertThat(e).isNotNull();
        assertThat(e.key()).isEqualTo("b");
        assertThat(e.getMessage()).contains("1985 bytes", "at most 1984");
        // the same blob is fine in format 2
        assertThat(NvsWriter.write(errorCase("err_blob_too_long_v1"), 0x3000, FormatVersion.V2)).hasSize(0x3000);
    }

    @Test
    void formatTwoStringOver4000BytesCannotEvenBeBuilt() throws IOException {
        // err_string_too_long_v2: 4000 characters + NUL = 4001 bytes. The model refuses the value itself, so no
        // such string ever reaches the writer (the CSV layer names the key when it builds the value).
        assertThat(recordedError("err_string_too_long_v2")).contains("Size (4001) exceeds max allowed length `4000`");
        assertThatThrownBy(() -> errorCase("err_string_too_long_v2"))
                .isInstanceOf(NvsInputException.class).hasMessageContaining("4000");
    }

    @Test
    void sizeNotAMultipleOfThePageSize() throws IOException {
        assertThat(recordedError("err_size_not_multiple")).contains("Size of partition must be multiple of 4096");
        assertThatThrownBy(() -> NvsWriter.write(errorCase("err_size_not_multiple"), 0x3001, FormatVersion.V2))
                .isInstanceOf(NvsInputException.class)
                .hasMessageContaining("0x3001")
                .hasMessageContaining("not a multiple of 4096");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -4096})
    void sizeZeroOrNegative(long size) throws IOException {
        assertThat(recordedError("err_size_zero")).contains("Minimum partition size");
        assertThatThrownBy(() -> NvsWriter.write(errorCase("err_size_zero"), size, FormatVersion.V2))
                .isInstanceOf(NvsInputException.class)
                .hasMessageContaining("too small")
                .hasMessageContaining("0x3000")
                .hasMessageContaining("0x1000");
    }

    @Test
    void sizeBeyondWhatAnArrayHolds() {
        assertThatThrownBy(() -> NvsWriter.write(NvsData.empty(), 0x8000_0000L, FormatVersion.V2))
                .isInstanceOf(NvsInputException.class)
                .hasMessageContaining("too large");
    }
}
