package io.github.nvs4j.internal.format;

import io.github.nvs4j.model.ValueType;

/** The type byte of an entry (entry offset 1). */
public enum ItemType {
    U8(0x01, 1, ValueType.U8, "uint8_t"),
    I8(0x11, 1, ValueType.I8, "int8_t"),
    U16(0x02, 2, ValueType.U16, "uint16_t"),
    I16(0x12, 2, ValueType.I16, "int16_t"),
    U32(0x04, 4, ValueType.U32, "uint32_t"),
    I32(0x14, 4, ValueType.I32, "int32_t"),
    U64(0x08, 8, ValueType.U64, "uint64_t"),
    I64(0x18, 8, ValueType.I64, "int64_t"),
    /** IEEE 754 single, ESP-IDF v6.1+. */
    FLOAT(0x24, 4, ValueType.F32, "0x24"),
    /** IEEE 754 double, ESP-IDF v6.1+. */
    DOUBLE(0x28, 8, ValueType.F64, "0x28"),
    /** String (SZ), variable length. */
    SZ(0x21, 0, ValueType.STR, "string"),
    /** Legacy single-page blob (format 1), variable length. */
    BLOB(0x41, 0, ValueType.BLOB, "blob"),
    /** One chunk of a format-2 blob, variable length. */
    BLOB_DATA(0x42, 0, ValueType.BLOB, "blob_data"),
    /** Index of a format-2 blob. */
    BLOB_IDX(0x48, 0, null, "blob_index");

    private static final ItemType[] BY_CODE = new ItemType[256];

    static {
        for (ItemType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final int width;
    private final ValueType valueType;
    private final String toolName;

    ItemType(int code, int width, ValueType valueType, String toolName) {
        this.code = code;
        this.width = width;
        this.valueType = valueType;
        this.toolName = toolName;
    }

    /**
     * @param code the type byte (0…255)
     * @return the type, or {@code null} for a byte that names no type
     */
    public static ItemType ofCode(int code) {
        return BY_CODE[code & 0xFF];
    }

    /**
     * @param type a value type with a fixed-size encoding, or string
     * @return the item type that stores it ({@link #BLOB_DATA} for blobs)
     */
    public static ItemType of(ValueType type) {
        return switch (type) {
            case U8 -> U8;
            case I8 -> I8;
            case U16 -> U16;
            case I16 -> I16;
            case U32 -> U32;
            case I32 -> I32;
            case U64 -> U64;
            case I64 -> I64;
            case F32 -> FLOAT;
            case F64 -> DOUBLE;
            case STR -> SZ;
            case BLOB -> BLOB_DATA;
        };
    }

    /** @return the type byte */
    public int code() {
        return code;
    }

    /** @return the API-level type of the value, or {@code null} for {@link #BLOB_IDX} */
    public ValueType valueType() {
        return valueType;
    }

    /** @return the name {@code nvs_tool.py} prints for this type */
    public String toolName() {
        return toolName;
    }

    /** @return whether the value sits in the entry's 8 data bytes (integers, float, double) */
    public boolean isFixedSize() {
        return width != 0;
    }

    /** @return the width in bytes of a fixed-size value (the low nibble of the code), 0 otherwise */
    public int width() {
        return width;
    }

    /** @return whether the item has a payload in the entries after its header (string, blob, blob chunk) */
    public boolean isVariableLength() {
        return this == SZ || this == BLOB || this == BLOB_DATA;
    }
}
