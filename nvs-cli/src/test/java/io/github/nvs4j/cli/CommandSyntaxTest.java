package io.github.nvs4j.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain scanner reads exactly what picocli reads, or declines. */
class CommandSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "generate|a.csv out.bin 0x3000",
        "generate|a.csv b.csv out.bin 0x3000 --version 1",
        "generate|--version=2 a.csv out.bin 0x3000 --outdir build",
        "generate|a.csv out.bin 0x3000 --version 1 --version 2",
        "generate|--outdir x -- -weird.csv out.bin 0x3000",
        "generate|a.csv --version 1 b.csv --outdir o out.bin 0x3000",
        "encrypt|a.csv out.bin 0x3000 --keygen --keyfile k.bin --key_protect_hmac --kp_hmac_keygen",
        "encrypt|a.csv out.bin 0x3000 --inputkey k.bin",
        "decrypt|in.bin key.bin out.bin --outdir o",
        "generate-key|--keyfile k --outdir o",
        "generate-key|",
        "dump|img.bin --format json --partition nvs",
        "dump|img.bin --offset 0x9000 --size 0x6000 --key k.bin",
        "check|img.bin --format=json",
        "to-csv|img.bin out.csv --partition nvs",
        "mfg generate|c.csv v.csv dev 0x3000 --prefix_num 1 4 --fileid id --threads 2 --outdir out",
        "mfg generate|c.csv v.csv dev 0x3000 --keygen --key_protect_hmac --kp_hmac_inputkey h.bin",
    })
    void scannerAgreesWithPicocli(String line) {
        String[] parts = line.split("\\|", -1);
        CommandSyntax syntax = Commands.create(parts[0]).syntax();
        List<String> args = parts[1].isEmpty() ? List.of() : Arrays.asList(parts[1].split(" "));
        ParsedArgs fast = syntax.scan(parts[0], args);
        assertThat(fast).as("scanner declined " + line).isNotNull();
        ParsedArgs picocli = Main.parseWithPicocli(syntax, parts[0], args, new PrintStream(
                new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(fast.positionals()).isEqualTo(picocli.positionals());
        assertThat(fast.options().keySet()).isEqualTo(picocli.options().keySet());
        for (String name : fast.options().keySet()) {
            assertThat(fast.option(name)).as(name).isEqualTo(picocli.option(name));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "generate|a.csv out.bin",
        "generate|a.csv out.bin 0x3000 --bogus",
        "generate|a.csv out.bin 0x3000 --vers 1",
        "generate|a.csv out.bin 0x3000 --version",
        "generate|a.csv out.bin 0x3000 -h",
        "generate|a.csv out.bin 0x3000 --help",
        "generate|a.csv out.bin -4096",
        "generate|a.csv out.bin 0x3000 --outdir --version",
        "decrypt|a b c d",
        "dump|",
        "dump|img.bin --keygen",
        "encrypt|a.csv out.bin 0x3000 --keygen=yes",
        "mfg generate|c.csv v.csv dev 0x3000 --prefix_num 1",
    })
    void scannerDeclinesWhatNeedsPicocli(String line) {
        String[] parts = line.split("\\|", -1);
        CommandSyntax syntax = Commands.create(parts[0]).syntax();
        List<String> args = parts[1].isEmpty() ? List.of() : Arrays.asList(parts[1].split(" "));
        assertThat(syntax.scan(parts[0], args)).isNull();
    }
}
