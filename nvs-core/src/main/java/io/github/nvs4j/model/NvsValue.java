package io.github.nvs4j.model;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.internal.model.ValueHandover;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A typed NVS value. One record per type; each validates its range at construction and is immutable (the byte-array
 * types copy on the way in and on the way out).
 */
public sealed interface NvsValue
        permits NvsValue.U8, NvsValue.I8, NvsValue.U16, NvsValue.I16, NvsValue.U32, NvsValue.I32, NvsValue.U64,
        NvsValue.I64, NvsValue.F32, NvsValue.F64, NvsValue.Str, NvsValue.Blob {

    /** Largest string payload in bytes, without the terminating NUL (the runtime's limit is 4000 with it). */
    int MAX_STRING_BYTES = 3999;

    /** Largest blob the runtime accepts: 127 chunks of 4000 bytes. */
    int MAX_BLOB_BYTES = 508_000;

    /** @return the type of this value */
    ValueType type();

    /** Unsigned 8-bit integer, 0…255. @param value the value */
    record U8(int value) implements NvsValue {
        /** @param value 0…255 */
        public U8 {
            checkRange(value, 0, 0xFF, "u8");
        }

        @Override
        public ValueType type() {
            return ValueType.U8;
        }
    }

    /** Signed 8-bit integer, -128…127. @param value the value */
    record I8(int value) implements NvsValue {
        /** @param value -128…127 */
        public I8 {
            checkRange(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "i8");
        }

        @Override
        public ValueType type() {
            return ValueType.I8;
        }
    }

    /** Unsigned 16-bit integer, 0…65535. @param value the value */
    record U16(int value) implements NvsValue {
        /** @param value 0…65535 */
        public U16 {
            checkRange(value, 0, 0xFFFF, "u16");
        }

        @Override
        public ValueType type() {
            return ValueType.U16;
        }
    }

    /** Signed 16-bit integer, -32768…32767. @param value the value */
    record I16(int value) implements NvsValue {
        /** @param value -32768…32767 */
        public I16 {
            checkRange(value, Short.MIN_VALUE, Short.MAX_VALUE, "i16");
        }

        @Override
        public ValueType type() {
            return ValueType.I16;
        }
    }

    /** Unsigned 32-bit integer, 0…4294967295. @param value the value */
    record U32(long value) implements NvsValue {
        /** @param value 0…4294967295 */
        public U32 {
            checkRange(value, 0, 0xFFFF_FFFFL, "u32");
        }

        @Override
        public ValueType type() {
            return ValueType.U32;
        }
    }

    /** Signed 32-bit integer. @param value the value */
    record I32(int value) implements NvsValue {
        @Override
        public ValueType type() {
            return ValueType.I32;
        }
    }

    /**
     * Unsigned 64-bit integer, held in a {@code long} with the same 64 bits: values above {@link Long#MAX_VALUE}
     * are negative as a {@code long}. Use {@link #toString()} or {@link Long#toUnsignedString(long)} to print it.
     *
     * @param value the 64 bits
     */
    record U64(long value) implements NvsValue {
        @Override
        public ValueType type() {
            return ValueType.U64;
        }

        @Override
        public String toString() {
            return "U64[value=" + Long.toUnsignedString(value) + "]";
        }
    }

    /** Signed 64-bit integer. @param value the value */
    record I64(long value) implements NvsValue {
        @Override
        public ValueType type() {
            return ValueType.I64;
        }
    }

    /**
     * IEEE 754 single precision value, kept as its exact bit pattern (NaN payloads included).
     *
     * @param bits the raw bits as stored on flash
     */
    record F32(int bits) implements NvsValue {
        /**
         * @param value the value
         * @return the value with its exact bits
         */
        public static F32 of(float value) {
            return new F32(Float.floatToRawIntBits(value));
        }

        /** @return the value */
        public float value() {
            return Float.intBitsToFloat(bits);
        }

        @Override
        public ValueType type() {
            return ValueType.F32;
        }
    }

    /**
     * IEEE 754 double precision value, kept as its exact bit pattern.
     *
     * @param bits the raw bits as stored on flash
     */
    record F64(long bits) implements NvsValue {
        /**
         * @param value the value
         * @return the value with its exact bits
         */
        public static F64 of(double value) {
            return new F64(Double.doubleToRawLongBits(value));
        }

        /** @return the value */
        public double value() {
            return Double.longBitsToDouble(bits);
        }

        @Override
        public ValueType type() {
            return ValueType.F64;
        }
    }

    /**
     * A string, kept as the exact bytes stored before the terminating NUL (normally UTF-8, but a device may have
     * stored any bytes). At most {@value NvsValue#MAX_STRING_BYTES} bytes.
     */
    final class Str implements NvsValue {
        static {
            // nvs-core's reader hands over fresh arrays through this (internal, not exported), without a copy
            ValueHandover.install(new ValueHandover.Factory() {
                @Override
                public Str str(byte[] owned) {
                    return new Str(owned);
                }

                @Override
                public Blob blob(byte[] owned) {
                    return new Blob(owned);
                }
            });
        }

        private final byte[] bytes;

        private Str(byte[] bytes) {
            if (bytes.length > MAX_STRING_BYTES) {
                throw new NvsInputException("string of " + bytes.length + " bytes is too long: NVS stores at most "
                        + MAX_STRING_BYTES + " bytes plus the terminating NUL");
            }
            this.bytes = bytes;
        }

        /**
         * @param text the text, stored as UTF-8
         * @return the value
         */
        public static Str of(String text) {
            return new Str(text.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * @param bytes the exact bytes, without a terminating NUL
         * @return the value
         */
        public static Str ofBytes(byte[] bytes) {
            return new Str(bytes.clone());
        }

        /** @return a copy of the stored bytes, without the terminating NUL */
        public byte[] bytes() {
            return bytes.clone();
        }

        /** @return the number of stored bytes, without the terminating NUL */
        public int length() {
            return bytes.length;
        }

        /** @return a read-only view of the stored bytes (no copy), without the terminating NUL */
        public java.nio.ByteBuffer asByteBuffer() {
            return java.nio.ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        }

        /** @return the bytes decoded as UTF-8 (malformed sequences become U+FFFD) */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** @return whether the bytes are well-formed UTF-8 */
        public boolean isUtf8() {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes),
                    java.nio.CharBuffer.allocate(bytes.length), true).isUnderflow();
        }

        @Override
        public ValueType type() {
            return ValueType.STR;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Str other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Str[" + text() + "]";
        }
    }

    /** A byte array of at most {@value NvsValue#MAX_BLOB_BYTES} bytes. */
    final class Blob implements NvsValue {
        private final byte[] bytes;

        private Blob(byte[] bytes) {
            if (bytes.length > MAX_BLOB_BYTES) {
                throw new NvsInputException("blob of " + bytes.length + " bytes is too long: NVS stores at most "
                        + MAX_BLOB_BYTES + " bytes (127 chunks of 4000 bytes)");
            }
            this.bytes = bytes;
        }

        /**
         * @param bytes the content
         * @return the value
         */
        public static Blob of(byte[] bytes) {
            return new Blob(bytes.clone());
        }

        /** @return a copy of the content */
        public byte[] bytes() {
            return bytes.clone();
        }

        /** @return the number of bytes */
        public int length() {
            return bytes.length;
        }

        /** @return a read-only view of the content (no copy) */
        public java.nio.ByteBuffer asByteBuffer() {
            return java.nio.ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        }

        @Override
        public ValueType type() {
            return ValueType.BLOB;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Blob other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return bytes.length <= 64 ? "Blob[" + HexFormat.of().formatHex(bytes) + "]"
                    : "Blob[" + bytes.length + " bytes]";
        }
    }

    private static void checkRange(long value, long min, long max, String type) {
        if (value < min || value > max) {
            throw new NvsInputException(value + " is out of range for " + type + ": accepted are " + min + " to " + max);
        }
    }
}
