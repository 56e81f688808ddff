package io.github.nvs4j.model;

/**
 * The type of a value as an application sees it through the NVS API ({@code nvs_get_u8} … {@code nvs_get_blob}).
 * How a value is stored (a legacy single-page blob or chunks plus an index) is a matter of the image, not of the
 * value.
 */
public enum ValueType {
    /** Unsigned 8-bit integer. */
    U8("u8"),
    /** Signed 8-bit integer. */
    I8("i8"),
    /** Unsigned 16-bit integer. */
    U16("u16"),
    /** Signed 16-bit integer. */
    I16("i16"),
    /** Unsigned 32-bit integer. */
    U32("u32"),
    /** Signed 32-bit integer. */
    I32("i32"),
    /** Unsigned 64-bit integer. */
    U64("u64"),
    /** Signed 64-bit integer. */
    I64("i64"),
    /** IEEE 754 single precision (ESP-IDF v6.1 and later). */
    F32("float"),
    /** IEEE 754 double precision (ESP-IDF v6.1 and later). */
    F64("double"),
    /** A NUL-terminated string of at most 4000 bytes including the NUL. */
    STR("str"),
    /** A byte array. */
    BLOB("blob");

    private final String displayName;

    ValueType(String displayName) {
        this.displayName = displayName;
    }

    /**
     * Returns the short name used in the device view JSON: {@code u8} … {@code i64}, {@code float}, {@code double},
     * {@code str}, {@code blob}.
     *
     * @return the name
     */
    public String displayName() {
        return displayName;
    }

    /** @return whether this is one of the eight integer types */
    public boolean isInteger() {
        return ordinal() <= I64.ordinal();
    }
}
