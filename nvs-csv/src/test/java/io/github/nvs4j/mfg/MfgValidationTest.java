package io.github.nvs4j.mfg;

import io.github.nvs4j.NvsInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every validation step of {@code mfg_gen.py} (spec §10.4), in its order, with the location nvs4j reports: file,
 * physical line, key or field. Each ordering test holds two problems and expects the one mfg_gen reports first.
 */
class MfgValidationTest {

    private static final String CONFIG = "ns,namespace,\na,data,u8\nb,data,string\n";
    private static final String VALUES = "a,b\n1,x\n2,y\n";

    @TempDir
    Path dir;

    // --- step 1: extension -------------------------------------------------------------------------------------

    @Test
    void step1ConfigFileNeedsCsvExtension() throws IOException {
        NvsInputException e = refused(file("config.txt", CONFIG), file("values.csv", VALUES), options());
        assertThat(e.source()).endsWith("config.txt");
        assertThat(e.reason()).isEqualTo("the config file's name must end in .csv (as mfg_gen.py requires)");
    }

    @Test
    void step1ValuesFileNeedsCsvExtensionComparedCaseSensitively() throws IOException {
        NvsInputException e = refused(file("config.csv", CONFIG), file("values.CSV", VALUES), options());
        assertThat(e.source()).endsWith("values.CSV");
        assertThat(e.reason()).isEqualTo("the values file's name must end in .csv (as mfg_gen.py requires)");
    }

    @Test
    void step1DotFileHasNoExtension() throws IOException {
        NvsInputException e = refused(file(".csv", CONFIG), file("values.csv", VALUES), options());
        assertThat(e.reason()).startsWith("the config file's name must end in .csv");
    }

    @Test
    void step1ComesBeforeStep2AndConfigBeforeValues() throws IOException {
        assertThat(refused(file("c.txt", ""), file("v.txt", ""), options()).source()).endsWith("c.txt");
        assertThat(refused(file("c.csv", ""), file("v.txt", VALUES), options()).source()).endsWith("v.txt");
    }

    // --- step 2: empty files -----------------------------------------------------------------------------------

    @Test
    void step2ConfigWithOnlyBlankLinesIsEmpty() throws IOException {
        NvsInputException e = refused(file("config.csv", "\n  \n\t\r\n"), file("values.csv", ""), options());
        assertThat(e.source()).endsWith("config.csv");
        assertThat(e.line()).isZero();
        assertThat(e.reason()).isEqualTo("the config file is empty: it has no line other than blank ones");
    }

    @Test
    void step2EmptyValuesFile() throws IOException {
        NvsInputException e = refused(file("config.csv", CONFIG), file("values.csv", ""), options());
        assertThat(e.source()).endsWith("values.csv");
        assertThat(e.reason()).isEqualTo("the values file is empty: it has no line other than blank ones");
    }

    @Test
    void step2ComesBeforeStep3() throws IOException {
        NvsInputException e = refused(file("config.csv", CONFIG), file("values.csv", " \n"),
                options().fileid("nope"));
        assertThat(e.reason()).startsWith("the values file is empty");
    }

    // --- step 3: --fileid ----------------------------------------------------------------------------------------

    @Test
    void step3FileidMustBeAColumnOfTheValuesHeader() throws IOException {
        NvsInputException e = refused(file("config.csv", CONFIG), file("values.csv", "\n" + VALUES),
                options().fileid("serial"));
        assertThat(e.source()).endsWith("values.csv");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.key()).isEqualTo("serial");
        assertThat(e.reason()).isEqualTo("--fileid 'serial' is not a column of the values file; its header has: a, b");
    }

    @Test
    void step3ComesBeforeStep4() throws IOException {
        NvsInputException e = refused(file("config.csv", "ns,namespace\n"), file("values.csv", VALUES),
                options().fileid("serial"));
        assertThat(e.key()).isEqualTo("serial");
    }

    // --- step 4: field count -------------------------------------------------------------------------------------

    @Test
    void step4EveryConfigRowHasThreeFields() throws IOException {
        NvsInputException e = refused(file("config.csv", "ns,namespace,\n\na,data\n"), file("values.csv", VALUES),
                options());
        assertThat(e.source()).endsWith("config.csv");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).isEqualTo("a");
        assertThat(e.reason()).isEqualTo("data missing or extra: a config row needs exactly the fields"
                + " key,type,encoding, optionally followed by REPEAT (a namespace row is 'name,namespace,'); this row"
                + " has 2 fields");
    }

    @Test
    void step4AFourthFieldMustBeRepeat() throws IOException {
        NvsInputException e = refused(file("config.csv", "ns,namespace,\na,data,u8,REPAET\n"),
                file("values.csv", "a\n1\n"), options());
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).endsWith("this row has a 4th field 'REPAET', which is not REPEAT");
    }

    @Test
    void step4NamespaceRowNeedsItsEmptyThirdField() throws IOException {
        NvsInputException e = refused(file("config.csv", "ns,namespace\na,data,u8\n"), file("values.csv", "a\n1\n"),
                options());
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.key()).isEqualTo("ns");
    }

    @Test
    void step4RunsOverAllRowsBeforeStep5() throws IOException {
        NvsInputException e = refused(file("config.csv", "ns,namespace,\na,data,u7\nb,data\n"),
                file("values.csv", "a,b\n1,2\n"), options());
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).startsWith("data missing");
    }

    // --- step 5: datatype and encoding -------------------------------------------------------------------------

    @Test
    void step5InvalidDatatype() throws IOException {
        NvsInputException e = refused(file("config.csv", "ns,namespace,\na,Data,u8\n"), file("values.csv", "a\n1\n"),
                options());
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.key()).isEqualTo("a");
        assertThat(e.reason()).isEqualTo("invalid datatype 'Data' in field 2: accepted are data, file, namespace");
    }

    @Test
    void step5InvalidEncoding() throws IOException {
        NvsInputException e = refused(file("config.csv", "ns,namespace,\na,data,blob_fill(4;0xff)\n"),
                file("values.csv", "a\n1\n"), options());
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).isEqualTo("invalid encoding 'blob_fill(4;0xff)' in field 3: accepted are string,"
                + " binary, hex2bin, base64, u8, i8, u16, i16, u32, i32, u64, i64");
    }

    @Test
    void step5EncodingsAreCaseSensitiveAsInMfgGen() throws IOException {
        assertThat(refused(file("config.csv", "ns,namespace,\na,data,U8\n"), file("values.csv", "a\n1\n"),
                options()).reason()).startsWith("invalid encoding 'U8'");
    }

    @Test
    void step5ChecksRowByRow() throws IOException {
        NvsInputException e = refused(file("config.csv", "ns,namespace,\na,data,x\nb,bad,u8\n"),
                file("values.csv", "a,b\n1,2\n"), options());
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).startsWith("invalid encoding");
    }

    @Test
    void step5I16IsAccepted() throws IOException {
        MfgJob job = MfgJob.open(file("config.csv", "ns,namespace,\nk,data,i16\n"), file("values.csv", "k\n-5\n"),
                options().build());
        assertThat(job.config().keys()).extracting(ConfigRow.Key::encoding).containsExactly("i16");
    }

    @Test
    void step5ComesBeforeStep6() throws IOException {
        NvsInputException e = refused(file("config.csv", "ns,namespace,\na,data,u9\n"), file("values.csv", "z\n1\n"),
                options());
        assertThat(e.reason()).startsWith("invalid encoding");
    }

    // --- step 6: keys in the values header ------------------------------------------------------------------------

    @Test
    void step6MissingKeyIsNamedWithItsConfigLine() throws IOException {
        NvsInputException e = refused(file("config.csv", CONFIG), file("values.csv", "a,c\n1,2\n"), options());
        assertThat(e.source()).endsWith("config.csv");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).isEqualTo("b");
        assertThat(e.reason()).startsWith("this key is not found in the header of ")
                .endsWith("must name every config key, in config order (other columns are allowed)");
    }

    @Test
    void step6ListsEveryMissingKey() throws IOException {
        NvsInputException e = refused(file("config.csv", "ns,namespace,\na,data,u8\nb,data,u8\nc,data,u8\n"),
                file("values.csv", "id,b\n1,2\n"), options());
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.key()).isEqualTo("a");
        assertThat(e.reason()).startsWith("2 config keys are not found in the header of ")
                .contains("'a' (line 2), 'c' (line 4)");
    }

    @Test
    void step6KeysMustKeepConfigOrderAsMfgGenChecksThem() throws IOException {
        // mfg_gen: header columns that are config keys, in header order, must start with the config keys in order
        // header b,a against config a,b: mfg_gen reports 'a' only ('b' then matches the head of the list)
        NvsInputException e = refused(file("config.csv", CONFIG), file("values.csv", "b,a\n1,2\n"), options());
        assertThat(e.key()).isEqualTo("a");
        assertThat(e.reason()).startsWith("this key is not found").contains("not in the config's order");
        MfgJob ok = MfgJob.open(file("config.csv", CONFIG), file("values.csv", "id,a,note,b,extra\n1,2,3,4,5\n"),
                options().build());
        assertThat(ok.valuesHeader()).containsExactly("id", "a", "note", "b", "extra");
    }

    @Test
    void step6ComesBeforeStep7() throws IOException {
        NvsInputException e = refused(file("config.csv", CONFIG), file("values.csv", "a\n1,2\n"), options());
        assertThat(e.source()).endsWith("config.csv");
    }

    // --- step 7: values per device line ---------------------------------------------------------------------------

    @Test
    void step7EveryDeviceLineHasOneValuePerColumn() throws IOException {
        MfgJob job = MfgJob.open(file("config.csv", CONFIG), file("values.csv", "a,b\n1,x\n\n2,y,z\n"),
                options().build());
        assertThatThrownBy(job::validate)
                .isInstanceOfSatisfying(NvsInputException.class, e -> {
                    assertThat(e.source()).endsWith("values.csv");
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.reason()).isEqualTo("device 2: the number of values (3) is not equal to the number"
                            + " of keys in the header (2, line 1); every device line needs one value per column (an"
                            + " empty value is written as nothing between two commas)");
                });
    }

    @Test
    void step7ForTheFirstDeviceIsCheckedWhenOpening() throws IOException {
        NvsInputException e = refused(file("config.csv", CONFIG), file("values.csv", "a,b\n1\n"), options());
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).startsWith("device 1: the number of values (1)");
    }

    @Test
    void validateCountsDevicesSkippingBlankLines() throws IOException {
        MfgJob job = MfgJob.open(file("config.csv", CONFIG), file("values.csv", "a,b\n\n1,x\n \n2,y\n\n"),
                options().build());
        assertThat(job.validate()).isEqualTo(2);
    }

    // --- nvs4j's own checks ------------------------------------------------------------------------------------------

    @Test
    void aKeyStartingWithHashIsRefused() throws IOException {
        NvsInputException e = refused(file("config.csv", "ns,namespace,\n#a,data,u8\n"), file("values.csv", "#a\n1\n"),
                options());
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.key()).isEqualTo("#a");
        assertThat(e.reason()).contains("drops such a line of the per-device CSV as a comment");
    }

    @Test
    void repeatOnANamespaceRowIsRefused() throws IOException {
        NvsInputException e = refused(file("config.csv", "ns,namespace,,REPEAT\na,data,u8\n"),
                file("values.csv", "a\n1\n"), options());
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).isEqualTo("REPEAT applies to key rows only, not to a namespace row");
    }

    @Test
    void duplicateFileIdsAreRefusedBeforeAnythingIsWritten() throws IOException {
        MfgJob job = MfgJob.open(file("config.csv", CONFIG), file("values.csv", "id,a,b\nX,1,x\nY,2,y\nX,3,z\n"),
                options().fileid("id").build());
        assertThatThrownBy(job::validate)
                .isInstanceOfSatisfying(NvsInputException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.reason()).isEqualTo("device 3: its files would be named 'dev-X', like those of the"
                            + " device on line 2 (--fileid 'id' values must be unique)");
                });
    }

    @Test
    void fileIdsThatLeaveTheFolderAreRefused() throws IOException {
        MfgJob job = MfgJob.open(file("config.csv", CONFIG), file("values.csv", "id,a,b\n../x,1,x\n"),
                options().fileid("id").build());
        assertThatThrownBy(job::validate)
                .isInstanceOfSatisfying(NvsInputException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.key()).isEqualTo("id");
                    assertThat(e.reason()).contains("cannot be part of a file name");
                });
    }

    @Test
    void missingFilesAreNamed() {
        assertThatThrownBy(() -> MfgJob.open(dir.resolve("nope.csv"), dir.resolve("v.csv"), options().build()))
                .isInstanceOf(NvsInputException.class)
                .hasMessageEndingWith("nope.csv: the config file does not exist");
    }

    private MfgOptions.Builder options() {
        return MfgOptions.builder("dev", 0x3000).outdir(dir.resolve("out"));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static NvsInputException refused(Path config, Path values, MfgOptions.Builder options) {
        try {
            MfgJob.open(config, values, options.build());
        } catch (NvsInputException e) {
            return e;
        }
        throw new AssertionError("expected the inputs to be refused");
    }
}
