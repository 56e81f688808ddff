package io.github.nvs4j;

/**
 * An image (or key file, or partition table) that cannot be read at all: wrong length, a structure that makes no
 * sense, a wrong key. The location names the byte offset and, for NVS images, the page and entry. Problems that an
 * image can be read with are not exceptions but findings of the integrity checker.
 */
public final class NvsFormatException extends NvsException {

    private static final long serialVersionUID = 1L;

    private final long offset;
    private final int page;
    private final int entry;

    /**
     * Creates an exception about the input as a whole.
     *
     * @param reason what is wrong
     */
    public NvsFormatException(String reason) {
        this(reason, -1, -1, -1);
    }

    /**
     * Creates an exception at a byte offset that lies in no NVS page (a partition table, a key file).
     *
     * @param reason what is wrong
     * @param offset the byte offset in the input, or -1
     */
    public NvsFormatException(String reason, long offset) {
        this(reason, offset, -1, -1);
    }

    /**
     * Creates an exception with a full location.
     *
     * @param reason what is wrong
     * @param offset the byte offset in the image, or -1
     * @param page the physical page index, or -1
     * @param entry the entry index in the page (0…125), or -1
     */
    public NvsFormatException(String reason, long offset, int page, int entry) {
        super(reason, null);
        this.offset = offset;
        this.page = page;
        this.entry = entry;
    }

    /** @return the byte offset in the input, or -1 when unknown */
    public long offset() {
        return offset;
    }

    /** @return the physical page index, or -1 */
    public int page() {
        return page;
    }

    /** @return the entry index within the page, or -1 */
    public int entry() {
        return entry;
    }

    @Override
    public String location() {
        StringBuilder sb = new StringBuilder();
        if (page >= 0) {
            sb.append("page ").append(page);
            if (entry >= 0) {
                sb.append(", entry ").append(entry);
            }
        }
        if (offset >= 0) {
            if (sb.length() > 0) {
                sb.append(" (offset 0x").append(Long.toHexString(offset)).append(')');
            } else {
                sb.append("offset 0x").append(Long.toHexString(offset));
            }
        }
        return sb.toString();
    }
}
