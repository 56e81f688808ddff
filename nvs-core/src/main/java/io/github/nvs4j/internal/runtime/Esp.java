package io.github.nvs4j.internal.runtime;

/**
 * The ESP-IDF error codes the emulated runtime can produce, as plain ints (hot paths return them), with their
 * {@code esp_err_to_name} spelling.
 */
public final class Esp {

    /** Success. */
    public static final int OK = 0;
    /** Generic failure ({@code NVS_ASSERT_OR_RETURN} and {@code nvs_get_stats} on a FREEING page). */
    public static final int FAIL = -1;
    /** A write or erase on a read-only partition. */
    public static final int ERR_NOT_ALLOWED = 0x10D;
    /** {@code nvs_get_stats} met a page in the INVALID state. */
    public static final int ERR_INVALID_STATE = 0x103;
    /** Key (or namespace) not found. */
    public static final int ERR_NVS_NOT_FOUND = 0x1102;
    /** The first match of a page lookup has another type. */
    public static final int ERR_NVS_TYPE_MISMATCH = 0x1103;
    /** No free page left to activate. */
    public static final int ERR_NVS_NOT_ENOUGH_SPACE = 0x1105;
    /** A value does not fit the buffer, or a blob chunk is longer than the rest of the blob. */
    public static final int ERR_NVS_INVALID_LENGTH = 0x110C;
    /** No free page after loading a writable partition. */
    public static final int ERR_NVS_NO_FREE_PAGES = 0x110D;
    /** A page with a valid header carries a format version newer than 2. */
    public static final int ERR_NVS_NEW_VERSION_FOUND = 0x1110;

    private Esp() {
    }

    /**
     * @param code an error code of this class
     * @return its ESP-IDF name, for example {@code ESP_ERR_NVS_NOT_FOUND}
     */
    public static String name(int code) {
        return switch (code) {
            case OK -> "ESP_OK";
            case FAIL -> "ESP_FAIL";
            case ERR_NOT_ALLOWED -> "ESP_ERR_NOT_ALLOWED";
            case ERR_INVALID_STATE -> "ESP_ERR_INVALID_STATE";
            case ERR_NVS_NOT_FOUND -> "ESP_ERR_NVS_NOT_FOUND";
            case ERR_NVS_TYPE_MISMATCH -> "ESP_ERR_NVS_TYPE_MISMATCH";
            case ERR_NVS_NOT_ENOUGH_SPACE -> "ESP_ERR_NVS_NOT_ENOUGH_SPACE";
            case ERR_NVS_INVALID_LENGTH -> "ESP_ERR_NVS_INVALID_LENGTH";
            case ERR_NVS_NO_FREE_PAGES -> "ESP_ERR_NVS_NO_FREE_PAGES";
            case ERR_NVS_NEW_VERSION_FOUND -> "ESP_ERR_NVS_NEW_VERSION_FOUND";
            default -> String.format("0x%x", code);
        };
    }
}
