package io.github.nvs4j.read;

/**
 * The result of {@code nvs_flash_init_partition} on an image, with ESP-IDF's names. Anything but {@link #ESP_OK}
 * means the device cannot use the partition (firmware normally erases it then).
 */
public enum InitResult {
    /** The partition was mounted. */
    ESP_OK(0),
    /** An internal consistency check of the runtime failed (not expected on any image; kept for completeness). */
    ESP_FAIL(-1),
    /** Read-only partition: the runtime had to erase something whose failure it reports (§7.6). */
    ESP_ERR_NOT_ALLOWED(0x10D),
    /** Writable partition: no free (blank or corrupt) page is left after loading (§1.5, §7.4 step 4). */
    ESP_ERR_NVS_NO_FREE_PAGES(0x110D),
    /** A page with a valid header carries a version byte below {@code 0xFE} (§1.7). */
    ESP_ERR_NVS_NEW_VERSION_FOUND(0x1110),
    /** A page had to be activated but none is free: zero pages, or a FREEING page with no spare (§7.4 step 3). */
    ESP_ERR_NVS_NOT_ENOUGH_SPACE(0x1105);

    private final int code;

    InitResult(int code) {
        this.code = code;
    }

    /** @return the numeric {@code esp_err_t} value */
    public int code() {
        return code;
    }

    /** @return whether the partition was mounted */
    public boolean isOk() {
        return this == ESP_OK;
    }

    static InitResult ofCode(int code) {
        for (InitResult r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        return ESP_FAIL;
    }
}
