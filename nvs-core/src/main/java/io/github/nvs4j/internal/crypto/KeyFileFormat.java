package io.github.nvs4j.internal.crypto;

import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.format.NvsCrc;

import java.util.Arrays;

/**
 * The bytes of an NVS key file, which is also the plaintext content of the {@code nvs_keys} partition (spec §9.2):
 *
 * <pre>
 * 0    32  eky: XTS data key (key 1)
 * 32   32  tky: XTS tweak key (key 2)
 * 64    4  u32 LE nvs_crc(eky ‖ tky)
 * 68 4028  0xFF
 * </pre>
 *
 * Layout only; what to accept is decided by {@code NvsKeys}.
 */
public final class KeyFileFormat {

    /** Bytes of key material: eky and tky. */
    public static final int KEY_BYTES = 64;
    /** Offset of the CRC word. */
    public static final int CRC_OFFSET = 64;
    /** Length of a file that holds the CRC word. */
    public static final int WITH_CRC = CRC_OFFSET + 4;
    /** Length of the files the generator writes (one flash sector). */
    public static final int FILE_SIZE = 4096;

    private KeyFileFormat() {
    }

    /**
     * @param key the 64 key bytes
     * @return the 4096-byte file: key, CRC, {@code 0xFF} padding
     */
    public static byte[] format(byte[] key) {
        byte[] file = new byte[FILE_SIZE];
        Arrays.fill(file, (byte) 0xFF);
        System.arraycopy(key, 0, file, 0, KEY_BYTES);
        Bytes.putU32(file, CRC_OFFSET, crc(key));
        return file;
    }

    /**
     * @param key a buffer whose first 64 bytes are the key
     * @return {@code nvs_crc} of the 64 key bytes
     */
    public static int crc(byte[] key) {
        return NvsCrc.of(key, 0, KEY_BYTES);
    }

    /**
     * @param file a file of at least {@link #WITH_CRC} bytes
     * @return the CRC word as stored
     */
    public static int storedCrc(byte[] file) {
        return Bytes.u32(file, CRC_OFFSET);
    }
}
