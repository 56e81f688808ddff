package io.github.nvs4j.mfg;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The files written for one device by {@link MfgRunner}.
 *
 * @param row the device's line of the values file
 * @param name the base name of the files ({@code PREFIX-ID} or {@code PREFIX-NNN-ID})
 * @param bin {@code OUTDIR/bin/NAME.bin}, the image
 * @param csv {@code OUTDIR/csv/NAME.csv}, the per-device CSV
 * @param keyFile {@code OUTDIR/keys/keys-NAME.bin} with {@code --keygen}
 * @param hmacKeyFile {@code OUTDIR/keys/hmac-keys-NAME.bin} (or {@code --kp_hmac_keyfile}) with
 *                    {@code --kp_hmac_keygen}
 */
public record DeviceFiles(DeviceRow row, String name, Path bin, Path csv, Optional<Path> keyFile,
                          Optional<Path> hmacKeyFile) {

    /** Checks that no component is null. */
    public DeviceFiles {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bin, "bin");
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(hmacKeyFile, "hmacKeyFile");
    }
}
