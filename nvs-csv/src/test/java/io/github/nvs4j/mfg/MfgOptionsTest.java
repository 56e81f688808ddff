package io.github.nvs4j.mfg;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.write.FormatVersion;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Option checks, in particular the encryption combinations nvs4j refuses (docs/mfg-differences.md). */
class MfgOptionsTest {

    @Test
    void defaultsFollowMfgGen() {
        MfgOptions o = MfgOptions.builder("dev", 0x3000).build();
        assertThat(o.version()).isEqualTo(FormatVersion.V2);
        assertThat(o.fileid()).isEmpty();
        assertThat(o.prefixNumStart()).isEmpty();
        assertThat(o.encrypted()).isFalse();
        assertThat(o.outdir()).isEqualTo(Path.of(""));
        assertThat(o.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void sizeMustBeAMultipleOf4096() {
        assertThatThrownBy(() -> MfgOptions.builder("dev", 0x3001).build())
                .isInstanceOf(NvsInputException.class).hasMessageContaining("multiple of 4096");
        assertThatThrownBy(() -> MfgOptions.builder("dev", 0).build()).isInstanceOf(NvsInputException.class);
        assertThat(MfgOptions.builder("dev", 0x1000).build().size()).isEqualTo(0x1000);
    }

    @Test
    void prefixMustNotLeaveTheFolder() {
        assertThatThrownBy(() -> MfgOptions.builder("a/b", 0x3000).build())
                .isInstanceOf(NvsInputException.class).hasMessageContaining("PREFIX 'a/b' contains '/'");
    }

    @Test
    void keygenAndInputkeyExcludeEachOther() {
        assertThatThrownBy(() -> MfgOptions.builder("dev", 0x3000).keygen(true).inputkey(Path.of("k.bin")).build())
                .isInstanceOf(NvsInputException.class)
                .hasMessageStartingWith("--keygen and --inputkey cannot be used together");
    }

    @Test
    void hmacOptionsNeedKeyProtectHmac() {
        assertThatThrownBy(() -> MfgOptions.builder("dev", 0x3000).keygen(true).kpHmacKeygen(true).build())
                .hasMessageStartingWith("--kp_hmac_keygen needs --key_protect_hmac");
        assertThatThrownBy(() -> MfgOptions.builder("dev", 0x3000).kpHmacInputkey(Path.of("h.bin")).build())
                .hasMessageStartingWith("--kp_hmac_inputkey needs --key_protect_hmac");
    }

    @Test
    void keyProtectHmacNeedsKeygen() {
        assertThatThrownBy(() -> MfgOptions.builder("dev", 0x3000).keyProtectHmac(true).kpHmacKeygen(true).build())
                .hasMessageStartingWith("--key_protect_hmac needs --keygen");
        assertThatThrownBy(() -> MfgOptions.builder("dev", 0x3000).keyProtectHmac(true)
                .inputkey(Path.of("k.bin")).build())
                .hasMessageStartingWith("--key_protect_hmac has no effect with --inputkey");
    }

    @Test
    void keyProtectHmacNeedsExactlyOneHmacKeySource() {
        assertThatThrownBy(() -> MfgOptions.builder("dev", 0x3000).keygen(true).keyProtectHmac(true).build())
                .hasMessageStartingWith("--key_protect_hmac needs the HMAC key");
        assertThatThrownBy(() -> MfgOptions.builder("dev", 0x3000).keygen(true).keyProtectHmac(true)
                .kpHmacKeygen(true).kpHmacInputkey(Path.of("h.bin")).build())
                .hasMessageStartingWith("--kp_hmac_keygen and --kp_hmac_inputkey cannot be used together");
    }

    @Test
    void hmacKeyfileNeedsHmacKeygenAndABinName() {
        assertThatThrownBy(() -> MfgOptions.builder("dev", 0x3000).keygen(true).keyProtectHmac(true)
                .kpHmacInputkey(Path.of("h.bin")).kpHmacKeyfile("x.bin").build())
                .hasMessageStartingWith("--kp_hmac_keyfile names the file of a generated HMAC key");
        assertThatThrownBy(() -> MfgOptions.builder("dev", 0x3000).keygen(true).keyProtectHmac(true)
                .kpHmacKeygen(true).kpHmacKeyfile("x.txt").build())
                .hasMessageContaining("must have the extension .bin");
        assertThat(MfgOptions.builder("dev", 0x3000).keygen(true).keyProtectHmac(true).kpHmacKeygen(true)
                .kpHmacKeyfile("x.binary").build().kpHmacKeyfile()).contains("x.binary");
    }

    @Test
    void threadsAndPrefixNumAreChecked() {
        assertThatThrownBy(() -> MfgOptions.builder("dev", 0x3000).threads(0).build())
                .hasMessageStartingWith("--threads 0");
        assertThatThrownBy(() -> MfgOptions.builder("dev", 0x3000).prefixNum(1, -1).build())
                .hasMessageStartingWith("--prefix_num LEN -1");
    }
}
