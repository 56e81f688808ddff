package io.github.nvs4j.internal.format;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The CRC-32 variant every NVS checksum uses: {@code esp_rom_crc32_le(0xFFFFFFFF, buf, len)}, which is the standard
 * reflected CRC-32 (polynomial 0xEDB88320) with the register starting at 0 instead of 0xFFFFFFFF and a final XOR of
 * 0xFFFFFFFF. Check value over {@code "123456789"}: 0xD202D277; over no bytes: 0xFFFFFFFF.
 *
 * <p>Feeding the four bytes {@code FF FF FF FF} to the standard algorithm drives its register from 0xFFFFFFFF to 0,
 * so {@code nvsCrc(x) = CRC32(FF FF FF FF ‖ x)}: this class uses the JDK's intrinsic {@link CRC32} that way.
 */
public final class NvsCrc {

    private static final byte[] PREFIX = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    private NvsCrc() {
    }

    /**
     * @param buf the bytes
     * @param off the first byte
     * @param len the number of bytes
     * @return the NVS CRC of {@code buf[off .. off+len)}, as an unsigned 32-bit value in an int
     */
    public static int of(byte[] buf, int off, int len) {
        CRC32 crc = start();
        crc.update(buf, off, len);
        return (int) crc.getValue();
    }

    /**
     * @param buf the bytes from its position to its limit (the position is advanced)
     * @return the NVS CRC
     */
    public static int of(ByteBuffer buf) {
        CRC32 crc = start();
        crc.update(buf);
        return (int) crc.getValue();
    }

    /**
     * Returns a {@link CRC32} already primed with the {@code FF FF FF FF} prefix; {@code getValue()} after further
     * updates gives the NVS CRC of what was added.
     *
     * @return a primed CRC32
     */
    public static CRC32 start() {
        CRC32 crc = new CRC32();
        crc.update(PREFIX, 0, 4);
        return crc;
    }

    /**
     * The CRC of a 32-byte entry header: bytes 0..3 and 8..31 (the CRC field itself at 4..7 is skipped).
     *
     * @param buf the image
     * @param entryOffset the offset of the entry in {@code buf}
     * @return the entry CRC
     */
    public static int entry(byte[] buf, int entryOffset) {
        CRC32 crc = start();
        crc.update(buf, entryOffset, 4);
        crc.update(buf, entryOffset + 8, 24);
        return (int) crc.getValue();
    }

    /**
     * The CRC of a page header: bytes 4..27 (sequence number, version, reserved).
     *
     * @param buf the image
     * @param pageOffset the offset of the page in {@code buf}
     * @return the header CRC
     */
    public static int pageHeader(byte[] buf, int pageOffset) {
        return of(buf, pageOffset + 4, 24);
    }
}
