package io.github.nvs4j.internal.crypto;

import io.github.nvs4j.internal.format.Bytes;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The XTS keys of the HMAC-based NVS key protection scheme (spec §9.3; ESP-IDF {@code nvs_sec_provider}):
 *
 * <pre>
 * eky = HMAC-SHA256(hmac_key, u32 LE 0xAEBE5A5A repeated 8 times)   (bytes 5A 5A BE AE × 8)
 * tky = HMAC-SHA256(hmac_key, u32 LE 0xCEDEA5A5 repeated 8 times)   (bytes A5 A5 DE CE × 8)
 * </pre>
 */
public final class HmacKeyDerivation {

    private static final int EKY_SEED = 0xAEBE5A5A;
    private static final int TKY_SEED = 0xCEDEA5A5;
    private static final int SEED_BYTES = 32;

    private HmacKeyDerivation() {
    }

    /**
     * @param hmacKey the HMAC key (32 bytes on a device)
     * @return {@code eky ‖ tky}, 64 bytes
     */
    public static byte[] derive(byte[] hmacKey) {
        byte[] key = new byte[KeyFileFormat.KEY_BYTES];
        byte[] seed = new byte[SEED_BYTES];
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            fill(seed, EKY_SEED);
            mac.update(seed);
            mac.doFinal(key, 0);
            fill(seed, TKY_SEED);
            mac.update(seed);
            mac.doFinal(key, 32);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is an algorithm every Java platform must provide.
            throw new IllegalStateException("the JDK cannot provide HmacSHA256", e);
        }
        return key;
    }

    private static void fill(byte[] seed, int word) {
        for (int i = 0; i < SEED_BYTES; i += 4) {
            Bytes.putU32(seed, i, word);
        }
    }
}
