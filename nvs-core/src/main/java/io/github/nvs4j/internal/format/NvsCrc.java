package io.github.nvs4j.internal.format;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The CRC-32 variant every NVS checksum uses: {@code esp_rom_crc32_le(0xFFFFFFFF, buf, len)}, which is the standard
 * reflected CRC-32 (polynomial 0xEDB88320) with the register starting at 0 instead of 0xFFFFFFFF and a final XOR of
 * 0xFFFFFFFF. Check value over {@code "123456789"}: 0xD202D277; over no bytes: 0xFFFFFFFF.
 *
 * <h2>How it is computed (spec §2.3)</h2>
 * Two routes, chosen by length, because the JDK's intrinsic {@link CRC32} is very fast per byte but costs a fixed
 * overhead per call, and a slow path below 16 bytes (measured by {@code CrcBenchmark} and
 * {@code CrcPayloadBenchmark} in {@code nvs-benchmarks}: one call over 9 bytes takes 16 ns, over 24 to 33 bytes
 * 5.5 to 6.5 ns; an entry header as prefix plus two pieces took 45 ns):
 * <ul>
 *   <li><b>Inputs of up to {@value #TABLE_MAX} bytes</b>: a table-driven CRC in Java, eight bytes per step
 *       ("slicing-by-8"), starting from the register 0 directly;</li>
 *   <li><b>Entry headers</b> ({@link #entry}), whose 28 bytes are not contiguous: the same table, five steps
 *       (about 8 ns; staging the four leading bytes in the CRC field to make the input contiguous and calling the
 *       intrinsic once measured slower inside the encoder);</li>
 *   <li><b>Longer inputs</b>: one intrinsic {@link CRC32} call over the bytes, turned into the NVS variant with the
 *       identity {@code nvs_crc(x) = crc32(x) ^ crc32(zeros(len(x))) ^ 0xFFFFFFFF} (both CRCs are affine in the
 *       input, and they differ only in the start register). The correction for every length up to
 *       {@value #ZEROS_MAX} (a page's payload) is precomputed; beyond it the four-byte {@code FF FF FF FF} prefix
 *       drives the standard register to 0 instead ({@code nvs_crc(x) = crc32(FF FF FF FF ‖ x)}).</li>
 * </ul>
 */
public final class NvsCrc {

    /** Inputs up to this length go through the table; the intrinsic has a slow path for fewer than 16 bytes. */
    static final int TABLE_MAX = 15;

    /** Largest length whose zero-run correction is precomputed: a full page of payload. */
    static final int ZEROS_MAX = 4000;

    private static final byte[] PREFIX = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    /**
     * Slicing-by-8 tables of the reflected polynomial, one array: {@code T[k * 256 + n]} is the register after
     * feeding byte {@code n} followed by {@code k} zero bytes into a zero register ({@code k = 0} is the classic
     * byte-wise table).
     */
    private static final int[] T = new int[8 * 256];

    /**
     * The header's share of an entry CRC: {@code H[k * 256 + n]} is the register after byte {@code n} followed by
     * {@code k} + 24 zero bytes (byte {@code 3 − k} of the header, then the key and data fields as zeros).
     */
    private static final int[] H = new int[4 * 256];

    /**
     * The constant share of a fixed-size item's entry, by {@link ItemType#ordinal()}: namespace index 0, span 1, no
     * chunk, the value bytes 0 and {@code 0xFF} above them (see {@link #fixedEntry}); 0 for other types.
     */
    private static final int[] FIXED = new int[ItemType.values().length];

    /**
     * The constant share of a variable-length item's header, by {@link ItemType#ordinal()}: namespace index, span,
     * chunk index, size and data CRC 0, the two reserved bytes {@code 0xFF} (see {@link #variableEntry}).
     */
    private static final int[] VARIABLE = new int[ItemType.values().length];

    /**
     * The constant share of a blob index entry: namespace index, total size and chunk count 0, span 1, no chunk,
     * chunk start 0 (version 0), the two reserved bytes {@code 0xFF} (see {@link #blobIndexEntry}).
     */
    private static final int BLOB_INDEX;

    /** {@code ZEROS[n] = crc32(n zero bytes) ^ 0xFFFFFFFF}, the correction of the identity above. */
    private static final int[] ZEROS = new int[ZEROS_MAX + 1];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0xEDB88320 : c >>> 1;
            }
            T[n] = c;
        }
        for (int k = 1; k < 8; k++) {
            for (int n = 0; n < 256; n++) {
                int prev = T[(k - 1) * 256 + n];
                T[k * 256 + n] = (prev >>> 8) ^ T[prev & 0xFF];
            }
        }
        for (int k = 0; k < 4; k++) {
            for (int n = 0; n < 256; n++) {
                H[k * 256 + n] = step8(step8(step8(T[k * 256 + n], 0), 0), 0);
            }
        }
        for (ItemType type : ItemType.values()) {
            if (type.isFixedSize()) { // the register of that entry: the CRC before its final inversion
                FIXED[type.ordinal()] = ~entry(Entry.header(0, type, 1, Entry.NO_CHUNK), 0, ~valueMask(type.width()));
            }
        }
        for (ItemType type : ItemType.values()) {
            if (type.isVariableLength()) {
                VARIABLE[type.ordinal()] = ~entry(Entry.header(0, type, 0, 0), 0, 0xFFFF_0000L);
            }
        }
        BLOB_INDEX = ~entry(Entry.header(0, ItemType.BLOB_IDX, 1, Entry.NO_CHUNK), 0,
                (long) Entry.CHUNK_START_VER0 << 40 | 0xFFFFL << 48);
        // The standard register (start 0xFFFFFFFF) fed with zeros, one byte at a time; crc32 = ~register.
        int register = 0xFFFF_FFFF;
        for (int n = 0; n <= ZEROS_MAX; n++) {
            ZEROS[n] = ~register ^ 0xFFFF_FFFF;
            register = T[register & 0xFF] ^ (register >>> 8);
        }
    }

    private NvsCrc() {
    }

    /**
     * @param buf the bytes
     * @param off the first byte
     * @param len the number of bytes
     * @return the NVS CRC of {@code buf[off .. off+len)}, as an unsigned 32-bit value in an int
     * @throws IndexOutOfBoundsException if the range is not inside {@code buf}
     */
    public static int of(byte[] buf, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, buf.length);
        if (len <= TABLE_MAX) {
            return ~update(0, buf, off, len);
        }
        CRC32 crc = new CRC32();
        if (len <= ZEROS_MAX) {
            crc.update(buf, off, len);
            return (int) crc.getValue() ^ ZEROS[len];
        }
        crc.update(PREFIX, 0, 4);
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
        java.util.Objects.checkFromIndexSize(entryOffset, Page.ENTRY_SIZE, buf.length);
        // Hot path of every encoder and reader: five table steps, no call into the JDK.
        int c = step4(0, Bytes.u32(buf, entryOffset));
        c = step8(c, Bytes.u64(buf, entryOffset + 8));
        c = step8(c, Bytes.u64(buf, entryOffset + 16));
        c = step8(c, Bytes.u64(buf, entryOffset + 24));
        return ~c;
    }

    /**
     * The CRC of an entry given as its fields rather than bytes in memory: the same value as {@link #entry} over
     * an entry holding them. Writers that assemble an entry in registers use it, so that the CRC does not read back
     * bytes just stored piecemeal (a read over several narrower stores cannot be forwarded from the store buffer
     * and stalls).
     *
     * @param header entry bytes 0..3 (namespace index, type, span, chunk index), little-endian
     * @param keyLow entry bytes 8..15
     * @param keyHigh entry bytes 16..23
     * @param data entry bytes 24..31
     * @return the entry CRC
     */
    public static int entry(int header, long keyLow, long keyHigh, long data) {
        return entry(header, keyPart(keyLow, keyHigh), data);
    }

    /**
     * The key field's share of an entry CRC: the register the CRC would have after the key field followed by the 8
     * data bytes as zeros. The CRC register is linear in the input when it starts at 0, so an entry's CRC is the
     * XOR of the shares of its header, key and data ({@link #entry(int, int, long)}); a writer that places the same
     * key in several entries, or has it from the model, computes this share once per key.
     *
     * @param keyLow key field bytes 0..7 (entry bytes 8..15), little-endian
     * @param keyHigh key field bytes 8..15 (entry bytes 16..23)
     * @return the key's share
     */
    public static int keyPart(long keyLow, long keyHigh) {
        return step8(step8(step8(0, keyLow), keyHigh), 0);
    }

    /**
     * The CRC of an entry from its header word, its key's share ({@link #keyPart}) and its data field: twelve
     * independent table look-ups (four for the header with the 24 bytes after it, eight for the data), where feeding
     * the 28 bytes takes 28 in a chain of four dependent steps.
     *
     * @param header entry bytes 0..3, little-endian
     * @param keyPart the key field's share ({@link #keyPart})
     * @param data entry bytes 24..31
     * @return the entry CRC
     */
    public static int entry(int header, int keyPart, long data) {
        int headerPart = H[3 * 256 + (header & 0xFF)] ^ H[2 * 256 + ((header >>> 8) & 0xFF)]
                ^ H[256 + ((header >>> 16) & 0xFF)] ^ H[header >>> 24];
        return ~(headerPart ^ keyPart ^ step8(0, data));
    }

    /**
     * The CRC of a fixed-size item's entry (span 1, no chunk, the value's {@code type.width()} bytes little-endian
     * from entry byte 24 and {@code 0xFF} above them) from its varying parts: the same value as
     * {@link #entry(int, int, long)}, with a table look-up for the namespace index and for each value byte only (a
     * u8 takes two look-ups instead of twelve).
     *
     * @param nsIndex the namespace index, 0…255
     * @param type a fixed-size type
     * @param keyPart the key field's share ({@link #keyPart})
     * @param bits the value's bits; only the low {@code type.width()} bytes count
     * @return the entry CRC
     */
    public static int fixedEntry(int nsIndex, ItemType type, int keyPart, long bits) {
        int width = type.width();
        int lo = (int) bits;
        int c = FIXED[type.ordinal()] ^ H[3 * 256 + (nsIndex & 0xFF)] ^ keyPart ^ T[7 * 256 + (lo & 0xFF)];
        if (width >= 2) {
            c ^= T[6 * 256 + ((lo >>> 8) & 0xFF)];
        }
        if (width >= 4) {
            c ^= T[5 * 256 + ((lo >>> 16) & 0xFF)] ^ T[4 * 256 + (lo >>> 24)];
        }
        if (width == 8) {
            int hi = (int) (bits >>> 32);
            c ^= T[3 * 256 + (hi & 0xFF)] ^ T[2 * 256 + ((hi >>> 8) & 0xFF)] ^ T[256 + ((hi >>> 16) & 0xFF)]
                    ^ T[hi >>> 24];
        }
        return ~c;
    }

    /**
     * The CRC of a variable-length item's header (size u16 at entry byte 24, bytes 26–27 {@code 0xFF}, data CRC at
     * 28) from its varying parts, as {@link #fixedEntry} does for fixed-size items: nine look-ups instead of twelve.
     *
     * @param nsIndex the namespace index, 0…255
     * @param type {@link ItemType#SZ}, {@link ItemType#BLOB} or {@link ItemType#BLOB_DATA}
     * @param span the span, 0…255
     * @param chunkIndex the chunk index, 0…255
     * @param keyPart the key field's share ({@link #keyPart})
     * @param size the payload size, 0…65535
     * @param dataCrc the payload CRC
     * @return the entry CRC
     */
    public static int variableEntry(int nsIndex, ItemType type, int span, int chunkIndex, int keyPart, int size,
                                    int dataCrc) {
        int c = VARIABLE[type.ordinal()] ^ H[3 * 256 + (nsIndex & 0xFF)] ^ H[256 + (span & 0xFF)]
                ^ H[chunkIndex & 0xFF] ^ keyPart ^ T[7 * 256 + (size & 0xFF)] ^ T[6 * 256 + ((size >>> 8) & 0xFF)];
        return ~(c ^ T[3 * 256 + (dataCrc & 0xFF)] ^ T[2 * 256 + ((dataCrc >>> 8) & 0xFF)]
                ^ T[256 + ((dataCrc >>> 16) & 0xFF)] ^ T[dataCrc >>> 24]);
    }

    /**
     * The CRC of a format-2 blob index entry (chunk start version 0) from its varying parts: six look-ups.
     *
     * @param nsIndex the namespace index, 0…255
     * @param keyPart the key field's share ({@link #keyPart})
     * @param totalSize the blob's length
     * @param chunkCount the number of chunks, 0…255
     * @return the entry CRC
     */
    public static int blobIndexEntry(int nsIndex, int keyPart, int totalSize, int chunkCount) {
        int c = BLOB_INDEX ^ H[3 * 256 + (nsIndex & 0xFF)] ^ keyPart ^ T[3 * 256 + (chunkCount & 0xFF)];
        return ~(c ^ T[7 * 256 + (totalSize & 0xFF)] ^ T[6 * 256 + ((totalSize >>> 8) & 0xFF)]
                ^ T[5 * 256 + ((totalSize >>> 16) & 0xFF)] ^ T[4 * 256 + (totalSize >>> 24)]);
    }

    /** @return a mask of the low {@code width} bytes of a word */
    private static long valueMask(int width) {
        return width == 8 ? -1L : (1L << (width << 3)) - 1;
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

    /**
     * Continues a CRC register (not inverted: 0 for a new NVS CRC) over {@code len} bytes with the tables, for
     * callers that feed short pieces (the runtime's 24-bit item hash, for instance).
     *
     * @param register the register
     * @param b the bytes
     * @param off the first byte
     * @param len the number of bytes
     * @return the register after them; the NVS CRC is its complement
     */
    public static int update(int register, byte[] b, int off, int len) {
        int c = register;
        int i = off;
        for (int end8 = off + (len & ~7); i < end8; i += 8) {
            c = step8(c, Bytes.u64(b, i));
        }
        for (int end = off + len; i < end; i++) {
            c = T[(c ^ b[i]) & 0xFF] ^ (c >>> 8);
        }
        return c;
    }

    /**
     * Continues a CRC register over one byte.
     *
     * @param register the register (not inverted)
     * @param oneByte the byte, in the low eight bits
     * @return the register after it
     */
    public static int update(int register, int oneByte) {
        return T[(register ^ oneByte) & 0xFF] ^ (register >>> 8);
    }

    /** Feeds four little-endian bytes. */
    private static int step4(int c, int word) {
        int x = c ^ word;
        return T[3 * 256 + (x & 0xFF)] ^ T[2 * 256 + ((x >>> 8) & 0xFF)] ^ T[256 + ((x >>> 16) & 0xFF)]
                ^ T[x >>> 24];
    }

    /** Feeds eight little-endian bytes: the low four are folded into the register, the high four follow. */
    private static int step8(int c, long word) {
        int lo = c ^ (int) word;
        int hi = (int) (word >>> 32);
        return T[7 * 256 + (lo & 0xFF)] ^ T[6 * 256 + ((lo >>> 8) & 0xFF)] ^ T[5 * 256 + ((lo >>> 16) & 0xFF)]
                ^ T[4 * 256 + (lo >>> 24)] ^ T[3 * 256 + (hi & 0xFF)] ^ T[2 * 256 + ((hi >>> 8) & 0xFF)]
                ^ T[256 + ((hi >>> 16) & 0xFF)] ^ T[hi >>> 24];
    }
}
