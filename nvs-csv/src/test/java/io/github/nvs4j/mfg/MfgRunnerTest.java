package io.github.nvs4j.mfg;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runner: files, names, existing targets, failures, progress, parallelism. */
class MfgRunnerTest {

    private static final String CONFIG = "ns,namespace,\nsn,data,string\nport,data,u16\n";

    @TempDir
    Path dir;

    @Test
    void writesEveryDeviceWithProgressFromSeveralThreads() throws IOException {
        Path values = values(40, i -> "SN-" + i + "," + (8000 + i));
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger started = new AtomicInteger(-1);
        AtomicInteger concurrent = new AtomicInteger();
        MfgResult result = MfgRunner.run(config(CONFIG), values, options().threads(4).build(), new MfgProgress() {
            @Override
            public void started(int devices) {
                started.set(devices);
            }

            @Override
            public void deviceWritten(DeviceFiles files, int done, int total) {
                assertThat(concurrent.incrementAndGet()).as("one call at a time").isEqualTo(1);
                assertThat(total).isEqualTo(40);
                assertThat(files.bin()).exists();
                assertThat(files.csv()).exists();
                seen.add(done + ":" + files.name());
                concurrent.decrementAndGet();
            }
        });
        assertThat(result.devices()).isEqualTo(40);
        assertThat(started.get()).isEqualTo(40);
        assertThat(seen).hasSize(40);
        assertThat(seen.stream().map(s -> Integer.parseInt(s.substring(0, s.indexOf(':'))))).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList());
        assertThat(names("bin")).hasSize(40).contains("dev-1.bin", "dev-40.bin");
        assertThat(names("csv")).hasSize(40).contains("dev-7.csv");
        assertThat(Files.readString(out().resolve("csv/dev-7.csv")))
                .isEqualTo("key,type,encoding,value\r\nns,namespace,,\r\nsn,data,string,SN-7\r\nport,data,u16,8007\r\n");
        assertNoTemporaryFiles();
    }

    @Test
    void fileidAndPrefixNumNameTheFiles() throws IOException {
        Path values = Files.writeString(dir.resolve("values.csv"), "sn,port,batch\nA1,1,x\nB2,2,y\n");
        MfgRunner.run(config(CONFIG), values, options().fileid("sn").prefixNum(9, 3).build(), MfgProgress.NONE);
        assertThat(names("bin")).containsExactly("dev-009-A1.bin", "dev-010-B2.bin");
        assertThat(names("csv")).containsExactly("dev-009-A1.csv", "dev-010-B2.csv");
    }

    @Test
    void existingTargetsAreRefusedBeforeAnythingIsWritten() throws IOException {
        Files.createDirectories(out().resolve("csv"));
        Files.writeString(out().resolve("csv/dev-3.csv"), "precious");
        assertThatThrownBy(() -> MfgRunner.run(config(CONFIG), values(5, i -> "s" + i + "," + i), options().build(),
                MfgProgress.NONE))
                .isInstanceOfSatisfying(NvsInputException.class, e -> {
                    assertThat(e.source()).endsWith("values.csv");
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.reason()).startsWith("device 3: the target file ").contains("dev-3.csv")
                            .contains("already exists; existing files are never replaced");
                });
        assertThat(names("csv")).containsExactly("dev-3.csv");
        assertThat(Files.readString(out().resolve("csv/dev-3.csv"))).isEqualTo("precious");
        assertThat(out().resolve("bin")).doesNotExist();
    }

    @Test
    void aFailingDeviceIsNamedByItsValuesLineAndLeavesNothingBehind() throws IOException {
        // device 4 (line 6: a blank line precedes it) has a port out of range for u16
        Path values = Files.writeString(dir.resolve("values.csv"),
                "sn,port\ns1,1\ns2,2\ns3,3\n\ns4,70000\n");
        assertThatThrownBy(() -> MfgRunner.run(config(CONFIG), values, options().threads(1).build(),
                MfgProgress.NONE))
                .isInstanceOfSatisfying(NvsInputException.class, e -> {
                    assertThat(e.source()).endsWith("values.csv");
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.key()).isEqualTo("port");
                    assertThat(e.reason()).startsWith("device 4, column 2 (config ").contains(":3): ")
                            .contains("70000").contains("u16");
                });
        assertThat(names("bin")).containsExactly("dev-1.bin", "dev-2.bin", "dev-3.bin");
        assertThat(names("csv")).containsExactly("dev-1.csv", "dev-2.csv", "dev-3.csv");
        assertNoTemporaryFiles();
    }

    @Test
    void withSeveralThreadsTheFirstFailingDeviceInFileOrderIsReported() throws IOException {
        Path values = values(60, i -> "s" + i + "," + (i == 17 || i == 9 || i == 50 ? "-1" : Integer.toString(i)));
        assertThatThrownBy(() -> MfgRunner.run(config(CONFIG), values, options().threads(4).build(),
                MfgProgress.NONE))
                .isInstanceOfSatisfying(NvsInputException.class, e -> assertThat(e.line()).isEqualTo(10));
        for (int i = 1; i < 9; i++) {
            assertThat(out().resolve("bin/dev-" + i + ".bin")).exists();
        }
        assertThat(out().resolve("bin/dev-9.bin")).doesNotExist();
        assertNoTemporaryFiles();
    }

    @Test
    void aDeviceWhoseImageCannotBeMovedKeepsNoneOfItsFiles() throws IOException {
        Path values = values(4, i -> "s" + i + "," + i);
        assertThatThrownBy(() -> MfgRunner.run(config(CONFIG), values, options().threads(1).keygen(true).build(),
                new MfgProgress() {
                    @Override
                    public void started(int devices) {
                        try {
                            Files.createDirectories(out().resolve("bin/dev-3.bin")); // in the way of device 3
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }

                    @Override
                    public void deviceWritten(DeviceFiles files, int done, int total) {
                    }
                }))
                .isInstanceOfSatisfying(NvsInputException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.reason()).startsWith("device 3: the target file").contains("already exists");
                });
        assertThat(names("keys")).containsExactly("keys-dev-1.bin", "keys-dev-2.bin");
        assertThat(names("csv")).containsExactly("dev-1.csv", "dev-2.csv");
        assertNoTemporaryFiles();
    }

    @Test
    void repeatTakesTheFirstDeviceLinesValue() throws IOException {
        Path config = config("ns,namespace,\nsn,data,string\nbatch,data,u32,REPEAT\n");
        Path values = Files.writeString(dir.resolve("values.csv"), "sn,batch\nA,7\nB,\nC,99\n");
        MfgRunner.run(config, values, options().build(), MfgProgress.NONE);
        assertThat(Files.readString(out().resolve("csv/dev-3.csv"))).endsWith("batch,data,u32,7\r\n");
        assertThat(Files.readString(out().resolve("csv/dev-2.csv"))).endsWith("batch,data,u32,7\r\n");
    }

    @Test
    void fileRowsAreResolvedAgainstTheBaseDirectory() throws IOException {
        Path base = Files.createDirectories(dir.resolve("base"));
        Files.write(base.resolve("cert.pem"), "PEM".getBytes(StandardCharsets.US_ASCII));
        Path config = config("ns,namespace,\ncert,file,string\n");
        Path values = Files.writeString(dir.resolve("values.csv"), "cert\ncert.pem\nmissing.pem\n");
        assertThatThrownBy(() -> MfgRunner.run(config, values, options().baseDirectory(base).build(),
                MfgProgress.NONE))
                .isInstanceOfSatisfying(NvsInputException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.key()).isEqualTo("cert");
                    assertThat(e.reason()).contains("missing.pem").contains("does not exist");
                });
        assertThat(names("bin")).containsExactly("dev-1.bin");
    }

    @Test
    void aValueLineStartingWithHashIsRefused() throws IOException {
        Path config = config("ns,namespace,\nnote,data,string\n");
        Path values = Files.writeString(dir.resolve("values.csv"), "note\n\"first\n#second\"\n");
        assertThatThrownBy(() -> MfgRunner.run(config, values, options().build(), MfgProgress.NONE))
                .isInstanceOfSatisfying(NvsInputException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).contains("a line of the value starts with '#'");
                });
    }

    @Test
    void contentThatDoesNotFitNamesTheDevice() throws IOException {
        Path config = config("ns,namespace,\nblob,data,hex2bin\n");
        Path values = Files.writeString(dir.resolve("values.csv"), "blob\n00\n" + "ab".repeat(9000) + "\n");
        assertThatThrownBy(() -> MfgRunner.run(config, values, options().build(), MfgProgress.NONE))
                .isInstanceOfSatisfying(NvsInputException.class, e -> {
                    assertThat(e.source()).endsWith("values.csv");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.key()).isEqualTo("blob");
                    assertThat(e.reason()).startsWith("device 2: ");
                });
    }

    @Test
    void hmacKeyfileIsRefusedForMoreThanOneDevice() throws IOException {
        MfgOptions options = options().keygen(true).keyProtectHmac(true).kpHmacKeygen(true)
                .kpHmacKeyfile("hmac.bin").build();
        assertThatThrownBy(() -> MfgRunner.run(config(CONFIG), values(2, i -> "s," + i), options, MfgProgress.NONE))
                .isInstanceOf(NvsInputException.class)
                .hasMessageContaining("--kp_hmac_keyfile names one file, but the values file has 2 devices");
        MfgRunner.run(config(CONFIG), values(1, i -> "s," + i), options, MfgProgress.NONE);
        assertThat(names("keys")).containsExactly("hmac.bin", "keys-dev-1.bin");
    }

    @Test
    void versionOneLimitsApplyPerDevice() throws IOException {
        Path caseDir = TestData.path("conformance/mfg_5_devices");
        MfgOptions options = MfgConformanceTest.optionsFor(caseDir).outdir(out())
                .version(io.github.nvs4j.write.FormatVersion.V1).build();
        assertThatThrownBy(() -> MfgRunner.run(caseDir.resolve("config.csv"), caseDir.resolve("values.csv"), options,
                MfgProgress.NONE))
                .isInstanceOfSatisfying(NvsInputException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.key()).isEqualTo("bigBlob");
                    assertThat(e.reason()).startsWith("device 1, column 15 (config ").contains("1984");
                });
    }

    @Test
    void noDevicesStillCreatesTheFolders() throws IOException {
        MfgResult result = MfgRunner.run(config(CONFIG), Files.writeString(dir.resolve("values.csv"), "sn,port\n"),
                options().build(), MfgProgress.NONE);
        assertThat(result.devices()).isZero();
        assertThat(names("bin")).isEmpty();
        assertThat(names("csv")).isEmpty();
    }

    private MfgOptions.Builder options() {
        return MfgOptions.builder("dev", 0x3000).outdir(out());
    }

    private Path out() {
        return dir.resolve("out");
    }

    private Path config(String text) throws IOException {
        return Files.writeString(dir.resolve("config.csv"), text);
    }

    private Path values(int devices, java.util.function.IntFunction<String> line) throws IOException {
        StringBuilder sb = new StringBuilder("sn,port\n");
        for (int i = 1; i <= devices; i++) {
            sb.append(line.apply(i)).append('\n');
        }
        return Files.writeString(dir.resolve("values.csv"), sb);
    }

    private List<String> names(String folder) throws IOException {
        try (Stream<Path> files = Files.list(out().resolve(folder))) {
            return files.map(p -> p.getFileName().toString()).sorted(MfgRunnerTest::natural).toList();
        }
    }

    private static int natural(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".nvs4j-")))
                    .as("temporary files").isEmpty();
        }
    }
}
