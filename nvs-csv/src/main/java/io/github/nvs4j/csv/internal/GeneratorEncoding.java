package io.github.nvs4j.csv.internal;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.write.FormatVersion;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The encodings of the generator's CSV dialect, one constant each, with the conversion from a row's value to an
 * {@link NvsValue} (spec §8.3, §8.4). The constants follow {@code nvs_partition_gen.py} 0.2.0 except where nvs4j
 * decided otherwise ({@code docs/differences.md}): names match in any letter case and always decode as named, and
 * {@code binary} text is stored as its UTF-8 bytes with the matching size.
 *
 * <p>{@code blob_fill} and {@code blob_sz_fill} carry a length and a padding byte; {@link Encoding} holds those and
 * parses the encoding column.
 */
public enum GeneratorEncoding {
    /** Unsigned 8-bit integer. */
    U8("u8", 0, 0xFF),
    /** Signed 8-bit integer. */
    I8("i8", Byte.MIN_VALUE, Byte.MAX_VALUE),
    /** Unsigned 16-bit integer. */
    U16("u16", 0, 0xFFFF),
    /** Signed 16-bit integer. */
    I16("i16", Short.MIN_VALUE, Short.MAX_VALUE),
    /** Unsigned 32-bit integer. */
    U32("u32", 0, 0xFFFF_FFFFL),
    /** Signed 32-bit integer. */
    I32("i32", Integer.MIN_VALUE, Integer.MAX_VALUE),
    /** Unsigned 64-bit integer. */
    U64("u64", BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)),
    /** Signed 64-bit integer. */
    I64("i64", Long.MIN_VALUE, Long.MAX_VALUE),
    /** Text stored as a NUL-terminated string (text + NUL). */
    STRING("string"),
    /** Hex digits (whitespace around stripped) stored as a blob. */
    HEX2BIN("hex2bin"),
    /** Base64, decoded leniently as Python's {@code binascii.a2b_base64} does, stored as a blob. */
    BASE64("base64"),
    /** The text's UTF-8 bytes (or a file's raw bytes) stored as a blob. */
    BINARY("binary"),
    /** The text's UTF-8 bytes padded with a byte to a fixed length, stored as a blob. */
    BLOB_FILL("blob_fill"),
    /** A u32 little-endian length, the text's UTF-8 bytes, padding to a fixed length plus 4, stored as a blob. */
    BLOB_SZ_FILL("blob_sz_fill");

    /** Every constant, without the copy {@code values()} makes on each call (one look-up per CSV row). */
    private static final GeneratorEncoding[] ALL = values();

    private final String csvName;
    private final BigInteger min;
    private final BigInteger max;

    GeneratorEncoding(String csvName) {
        this(csvName, null, null);
    }

    GeneratorEncoding(String csvName, long min, long max) {
        this(csvName, BigInteger.valueOf(min), BigInteger.valueOf(max));
    }

    GeneratorEncoding(String csvName, BigInteger min, BigInteger max) {
        this.csvName = csvName;
        this.min = min;
        this.max = max;
    }

    /** @return the name in the CSV's encoding column, in lower case ({@code blob_fill} without its arguments) */
    public String csvName() {
        return csvName;
    }

    /** @return whether this is one of the eight integer encodings */
    public boolean isInteger() {
        return min != null;
    }

    /** @return whether this encoding takes a length and a padding byte: {@code blob_fill(N;0xHH)} */
    public boolean isFill() {
        return this == BLOB_FILL || this == BLOB_SZ_FILL;
    }

    /**
     * Finds a plain encoding (not {@code blob_fill}) by its lower-case name.
     *
     * @param lowerCaseName the name, already in lower case
     * @return the encoding, if there is one with that name
     */
    static Optional<GeneratorEncoding> byName(String lowerCaseName) {
        for (GeneratorEncoding e : ALL) {
            if (!e.isFill() && e.csvName.equals(lowerCaseName)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Converts a value.
     *
     * @param raw     the row's text, or the bytes of the file it names
     * @param spec    the encoding with its arguments (used by the fill encodings)
     * @param version the format version whose size limits apply
     * @return the value
     * @throws NvsInputException if the value cannot be converted; the reason names the value and what would be
     *                           accepted, the caller adds the location
     */
    NvsValue decode(RawValue raw, Encoding spec, FormatVersion version) {
        if (isInteger()) {
            return integer(raw);
        }
        return switch (this) {
            case STRING -> string(raw, version);
            case HEX2BIN -> blob(hex(raw), version);
            case BASE64 -> blob(base64(raw), version);
            case BINARY -> blob(bytesOf(raw), version);
            case BLOB_FILL, BLOB_SZ_FILL -> blob(fill(raw, spec), version);
            default -> throw new IllegalStateException(name());
        };
    }

    private NvsValue integer(RawValue raw) {
        Optional<BigInteger> parsed = raw instanceof RawValue.Text t ? PythonInt.parse(t.text())
                : PythonInt.parse(((RawValue.FileContent) raw).bytes());
        if (parsed.isEmpty()) {
            throw new NvsInputException(raw.describe() + " is not a decimal integer: accepted for " + csvName
                    + " are " + min + " to " + max + ", written in decimal (spaces around the number, a sign and"
                    + " _ between digits are allowed; no 0x prefix, no decimal point)");
        }
        BigInteger v = parsed.get();
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            throw new NvsInputException(raw.describe() + " is out of range for " + csvName + ": accepted are "
                    + min + " to " + max);
        }
        return switch (this) {
            case U8 -> new NvsValue.U8(v.intValue());
            case I8 -> new NvsValue.I8(v.intValue());
            case U16 -> new NvsValue.U16(v.intValue());
            case I16 -> new NvsValue.I16(v.intValue());
            case U32 -> new NvsValue.U32(v.longValue());
            case I32 -> new NvsValue.I32(v.intValue());
            case U64 -> new NvsValue.U64(v.longValue());
            case I64 -> new NvsValue.I64(v.longValue());
            default -> throw new IllegalStateException(name());
        };
    }

    private static NvsValue string(RawValue raw, FormatVersion version) {
        byte[] bytes;
        if (raw instanceof RawValue.Text t) {
            bytes = t.text().getBytes(StandardCharsets.UTF_8);
        } else {
            bytes = ((RawValue.FileContent) raw).bytes();
            int bad = firstInvalidUtf8(bytes);
            if (bad >= 0) {
                throw new NvsInputException(raw.describe() + " is not valid UTF-8 text (at byte offset " + bad
                        + "): the string encoding needs UTF-8; use binary or hex2bin to store raw bytes");
            }
        }
        FormatLimits.checkString(bytes.length, version);
        return NvsValue.Str.ofBytes(bytes);
    }

    private static byte[] hex(RawValue raw) {
        byte[] digits;
        if (raw instanceof RawValue.Text t) {
            String stripped = PythonWhitespace.strip(t.text());
            byte[] decoded = plainHex(stripped);
            if (decoded != null) {
                return decoded;
            }
            // Not an even run of ASCII hex digits: find the first problem the way the generator reports it.
            int count = stripped.codePointCount(0, stripped.length());
            if (count % 2 != 0) {
                throw oddHex(raw, count);
            }
            for (int i = 0; i < stripped.length(); ) {
                int cp = stripped.codePointAt(i);
                if (Character.digit(cp, 16) < 0 || cp > 0x7F) {
                    throw notHex(raw, cp);
                }
                i += Character.charCount(cp);
            }
            digits = stripped.getBytes(StandardCharsets.US_ASCII);
        } else {
            digits = PythonWhitespace.strip(((RawValue.FileContent) raw).bytes());
            if (digits.length % 2 != 0) {
                throw oddHex(raw, digits.length);
            }
        }
        byte[] out = new byte[digits.length / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = hexDigit(digits[2 * i] & 0xFF);
            int lo = hexDigit(digits[2 * i + 1] & 0xFF);
            if (hi < 0 || lo < 0) {
                throw notHex(raw, hi < 0 ? digits[2 * i] & 0xFF : digits[2 * i + 1] & 0xFF);
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /**
     * Decodes the usual hex2bin value in one pass: an even number of ASCII hex digits, nothing else. This is most of
     * a generator CSV's text (two keys in ten in a typical file) and runs interpreted in a short command-line run,
     * so it is kept to one table look-up per character.
     *
     * @param text stripped text
     * @return the bytes, or {@code null} if the text is anything else (the caller then reports the problem)
     */
    private static byte[] plainHex(String text) {
        int length = text.length();
        if ((length & 1) != 0) {
            return null;
        }
        // One bulk copy to bytes, then array reads: an interpreted charAt is a call chain per character. Characters
        // above 0xFF become '?' and those of 0x80-0xFF stay above 0x7F: neither is a hex digit.
        byte[] chars = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[length >> 1];
        for (int i = 0; i < length; i += 2) {
            int hi = chars[i] & 0xFF;
            int lo = chars[i + 1] & 0xFF;
            if ((hi | lo) >= HEX_VALUES.length) {
                return null;
            }
            int value = HEX_VALUES[hi] << 4 | HEX_VALUES[lo];
            if (value < 0) {
                return null;
            }
            out[i >> 1] = (byte) value;
        }
        return out;
    }

    /** The value of each ASCII hex digit; {@code -1} (all bits set, so any combination is negative) otherwise. */
    private static final byte[] HEX_VALUES = hexValues();

    private static byte[] hexValues() {
        byte[] values = new byte[128];
        java.util.Arrays.fill(values, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            values[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            values[c] = (byte) (c - 'a' + 10);
            values[c - 'a' + 'A'] = (byte) (c - 'a' + 10);
        }
        return values;
    }

    private static int hexDigit(int c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    private static NvsInputException oddHex(RawValue raw, int count) {
        return new NvsInputException(raw.describe() + " has an odd number of hex digits (" + count
                + "): hex2bin needs pairs of hex digits 0-9, a-f, A-F");
    }

    private static NvsInputException notHex(RawValue raw, int c) {
        return new NvsInputException(raw.describe() + " contains " + Shown.character(c)
                + ", which is not a hex digit: hex2bin accepts pairs of 0-9, a-f, A-F, with no 0x prefix and no"
                + " spaces between them");
    }

    private static byte[] base64(RawValue raw) {
        byte[] ascii;
        if (raw instanceof RawValue.Text t) {
            String text = t.text();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                if (cp > 0x7F) {
                    throw new NvsInputException(raw.describe() + " contains the non-ASCII character "
                            + Shown.character(cp) + ": base64 accepts A-Z, a-z, 0-9, + and / with = padding");
                }
                i += Character.charCount(cp);
            }
            ascii = text.getBytes(StandardCharsets.US_ASCII);
        } else {
            ascii = ((RawValue.FileContent) raw).bytes();
        }
        try {
            return LenientBase64.decode(ascii);
        } catch (IllegalArgumentException e) {
            throw new NvsInputException(raw.describe() + " is not valid base64: " + e.getMessage()
                    + " (accepted: groups of 4 characters of A-Z, a-z, 0-9, + and /, the last one padded with =)");
        }
    }

    private static byte[] bytesOf(RawValue raw) {
        return raw instanceof RawValue.Text t ? t.text().getBytes(StandardCharsets.UTF_8)
                : ((RawValue.FileContent) raw).bytes();
    }

    private static byte[] fill(RawValue raw, Encoding spec) {
        byte[] value = bytesOf(raw);
        int length = spec.fillLength();
        if (value.length > length) {
            throw new NvsInputException(raw.describe() + " is " + value.length + " bytes, longer than the "
                    + length + " bytes that " + spec.display() + " fills: shorten the value or raise the length");
        }
        boolean sized = spec.kind() == BLOB_SZ_FILL;
        ByteBuffer out = ByteBuffer.allocate(length + (sized ? 4 : 0)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        if (sized) {
            out.putInt(value.length);
        }
        out.put(value);
        while (out.hasRemaining()) {
            out.put((byte) spec.fillByte());
        }
        return out.array();
    }

    private static NvsValue blob(byte[] bytes, FormatVersion version) {
        FormatLimits.checkBlob(bytes.length, version);
        return NvsValue.Blob.of(bytes);
    }

    /** @return the offset of the first byte that is not part of well-formed UTF-8, or -1 */
    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length));
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return in.position();
        }
        result = decoder.flush(out);
        return result.isError() ? in.position() : -1;
    }
}
