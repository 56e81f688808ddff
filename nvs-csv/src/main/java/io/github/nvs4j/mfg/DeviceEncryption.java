package io.github.nvs4j.mfg;

import io.github.nvs4j.crypto.NvsEncryption;
import io.github.nvs4j.crypto.NvsHmacKey;
import io.github.nvs4j.crypto.NvsKeys;
import io.github.nvs4j.model.NvsData;

import java.security.SecureRandom;

/**
 * How a run encrypts its images, decided once from the options ({@code mfg_gen.py} encrypts when {@code --keygen}
 * or {@code --inputkey} is given):
 *
 * <ul>
 *   <li>{@link Plain}: no encryption;</li>
 *   <li>{@link InputKey}: {@code --inputkey FILE}, one key for every device, no key file written;</li>
 *   <li>{@link RandomKeys}: {@code --keygen}, a new random key per device, written to {@code keys-NAME.bin};</li>
 *   <li>{@link RandomHmacKeys}: {@code --keygen --key_protect_hmac --kp_hmac_keygen}, a new random HMAC key per
 *       device ({@code hmac-keys-NAME.bin}) and the keys derived from it ({@code keys-NAME.bin});</li>
 *   <li>{@link InputHmacKey}: {@code --keygen --key_protect_hmac --kp_hmac_inputkey FILE}, the keys derived from one
 *       HMAC key, written to every device's {@code keys-NAME.bin} as {@code mfg_gen.py} does.</li>
 * </ul>
 * Random keys come from one {@link SecureRandom} ({@code mfg_gen.py} uses Python's non-cryptographic
 * {@code random}).
 */
sealed interface DeviceEncryption {

    /**
     * Finishes a device: encrypts its plain image as the run requires.
     *
     * @param row the device
     * @param name the device's base file name
     * @param data the device's content
     * @param plainImage the plain image
     * @param csv the per-device CSV
     * @return the device's image and files
     */
    DeviceImage finish(DeviceRow row, String name, NvsData data, byte[] plainImage, byte[] csv);

    /**
     * @param options the run's options, already checked by {@link MfgOptions.Builder#build()}
     * @return the run's encryption; key files named by the options are read now
     */
    static DeviceEncryption of(MfgOptions options) {
        if (options.inputkey().isPresent()) {
            return new InputKey(NvsKeys.readKeyFile(options.inputkey().get()));
        }
        if (!options.keygen()) {
            return new Plain();
        }
        if (!options.keyProtectHmac()) {
            return new RandomKeys(new SecureRandom());
        }
        if (options.kpHmacKeygen()) {
            return new RandomHmacKeys(new SecureRandom());
        }
        NvsHmacKey hmacKey = NvsHmacKey.readFile(options.kpHmacInputkey().orElseThrow());
        try {
            return new InputHmacKey(hmacKey.deriveNvsKeys());
        } finally {
            hmacKey.destroy();
        }
    }

    /** No encryption. */
    record Plain() implements DeviceEncryption {
        @Override
        public DeviceImage finish(DeviceRow row, String name, NvsData data, byte[] plainImage, byte[] csv) {
            return new DeviceImage(row, name, data, plainImage, csv, null, null);
        }
    }

    /**
     * {@code --inputkey}: one key for all devices.
     *
     * @param keys the key
     */
    record InputKey(NvsKeys keys) implements DeviceEncryption {
        @Override
        public DeviceImage finish(DeviceRow row, String name, NvsData data, byte[] plainImage, byte[] csv) {
            return new DeviceImage(row, name, data, NvsEncryption.encrypt(plainImage, keys), csv, null, null);
        }
    }

    /**
     * {@code --keygen}: a new random key per device.
     *
     * @param random the source of keys
     */
    record RandomKeys(SecureRandom random) implements DeviceEncryption {
        @Override
        public DeviceImage finish(DeviceRow row, String name, NvsData data, byte[] plainImage, byte[] csv) {
            NvsKeys keys = NvsKeys.generate(random);
            try {
                return new DeviceImage(row, name, data, NvsEncryption.encrypt(plainImage, keys), csv,
                        keys.toKeyFile(), null);
            } finally {
                keys.destroy();
            }
        }
    }

    /**
     * {@code --keygen --key_protect_hmac --kp_hmac_keygen}: a new HMAC key per device.
     *
     * @param random the source of HMAC keys
     */
    record RandomHmacKeys(SecureRandom random) implements DeviceEncryption {
        @Override
        public DeviceImage finish(DeviceRow row, String name, NvsData data, byte[] plainImage, byte[] csv) {
            NvsHmacKey hmacKey = NvsHmacKey.generate(random);
            NvsKeys keys = hmacKey.deriveNvsKeys();
            try {
                return new DeviceImage(row, name, data, NvsEncryption.encrypt(plainImage, keys), csv,
                        keys.toKeyFile(), hmacKey.toFile());
            } finally {
                keys.destroy();
                hmacKey.destroy();
            }
        }
    }

    /**
     * {@code --keygen --key_protect_hmac --kp_hmac_inputkey}: keys derived from one HMAC key.
     *
     * @param keys the derived keys
     */
    record InputHmacKey(NvsKeys keys) implements DeviceEncryption {
        @Override
        public DeviceImage finish(DeviceRow row, String name, NvsData data, byte[] plainImage, byte[] csv) {
            return new DeviceImage(row, name, data, NvsEncryption.encrypt(plainImage, keys), csv,
                    keys.toKeyFile(), null);
        }
    }
}
