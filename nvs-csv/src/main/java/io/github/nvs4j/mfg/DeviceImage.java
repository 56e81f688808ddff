package io.github.nvs4j.mfg;

import io.github.nvs4j.model.NvsData;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code mfg_gen.py} produces for one device, in memory: the content, the image (encrypted when the run
 * encrypts), the per-device CSV and, with {@code --keygen}, the key files. Immutable; the byte accessors return
 * copies.
 */
public final class DeviceImage {

    private final DeviceRow row;
    private final String name;
    private final NvsData data;
    private final byte[] image;
    private final byte[] csv;
    private final byte[] keyFile;
    private final byte[] hmacKeyFile;

    DeviceImage(DeviceRow row, String name, NvsData data, byte[] image, byte[] csv, byte[] keyFile,
                byte[] hmacKeyFile) {
        this.row = Objects.requireNonNull(row, "row");
        this.name = Objects.requireNonNull(name, "name");
        this.data = Objects.requireNonNull(data, "data");
        this.image = Objects.requireNonNull(image, "image");
        this.csv = Objects.requireNonNull(csv, "csv");
        this.keyFile = keyFile;
        this.hmacKeyFile = hmacKeyFile;
    }

    /** @return the device's line of the values file */
    public DeviceRow row() {
        return row;
    }

    /**
     * @return the base name of the device's files: {@code PREFIX-ID} or {@code PREFIX-NNN-ID}
     *         ({@code bin/NAME.bin}, {@code csv/NAME.csv}, {@code keys/keys-NAME.bin})
     */
    public String name() {
        return name;
    }

    /** @return the device's NVS content, in write order */
    public NvsData data() {
        return data;
    }

    /** @return a copy of the image: plain, or encrypted when the run encrypts */
    public byte[] image() {
        return image.clone();
    }

    /** @return the image's length in bytes */
    public int imageLength() {
        return image.length;
    }

    /** @return a copy of the per-device CSV that {@code mfg_gen.py} writes ({@code key,type,encoding,value}, CRLF) */
    public byte[] csv() {
        return csv.clone();
    }

    /**
     * @return with {@code --keygen}: a copy of the 4096-byte key file ({@code keys/keys-NAME.bin}) whose key
     *         encrypted this image; otherwise empty
     */
    public Optional<byte[]> keyFile() {
        return keyFile == null ? Optional.empty() : Optional.of(keyFile.clone());
    }

    /**
     * @return with {@code --keygen --key_protect_hmac --kp_hmac_keygen}: a copy of the device's 32-byte HMAC key
     *         file ({@code keys/hmac-keys-NAME.bin}); otherwise empty
     */
    public Optional<byte[]> hmacKeyFile() {
        return hmacKeyFile == null ? Optional.empty() : Optional.of(hmacKeyFile.clone());
    }

    byte[] imageBytes() {
        return image;
    }

    byte[] csvBytes() {
        return csv;
    }

    byte[] keyFileBytes() {
        return keyFile;
    }

    byte[] hmacKeyFileBytes() {
        return hmacKeyFile;
    }

    @Override
    public String toString() {
        return "DeviceImage[" + name + ", device " + row.number() + ", line " + row.line() + ", " + image.length
                + " bytes" + (keyFile == null ? "" : ", with key file") + "]";
    }
}
