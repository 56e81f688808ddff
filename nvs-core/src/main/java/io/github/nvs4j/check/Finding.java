package io.github.nvs4j.check;

import java.util.Objects;

/**
 * One problem found in an NVS image, with its location.
 *
 * <p>Absent parts of the location are {@code -1} (numbers) or {@code null} (key):
 * <ul>
 *   <li>a finding about the image as a whole has {@code page == -1}, {@code entry == -1}, and {@code offset == -1}
 *       unless it concerns a byte range (a partial page at the end);</li>
 *   <li>a finding about a page has {@code entry == -1} and the page's offset;</li>
 *   <li>a finding about an entry has the offset of its 32 bytes ({@code 4096 * page + 64 + 32 * entry}) and, unless
 *       the entry is blank, its key.</li>
 * </ul>
 *
 * @param severity how serious it is
 * @param code the stable code of the kind of problem
 * @param page the physical page index (0-based, the page at offset {@code 4096 * page}), or -1
 * @param entry the entry index within the page, 0…125, or -1
 * @param offset the byte offset in the image, or -1
 * @param key the key (or namespace name) of the entry: its bytes up to the first NUL, at most 16, decoded as UTF-8
 *     (malformed bytes become U+FFFD); {@code null} when there is none
 * @param message one sentence saying what is wrong (the location is not repeated unless it helps)
 */
public record Finding(Severity severity, FindingCode code, int page, int entry, long offset, String key,
        String message) {

    /**
     * Checks that the location is consistent.
     *
     * @throws IllegalArgumentException if an entry is given without a page, or an index is out of range
     */
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (page < -1 || entry < -1 || entry > 125 || offset < -1 || (entry >= 0 && page < 0)) {
            throw new IllegalArgumentException("inconsistent location: page " + page + ", entry " + entry
                    + ", offset " + offset);
        }
    }

    /** @return whether the finding names a page */
    public boolean hasPage() {
        return page >= 0;
    }

    /** @return whether the finding names an entry */
    public boolean hasEntry() {
        return entry >= 0;
    }

    /**
     * Returns the location as text: {@code image}, {@code offset 0x2800}, {@code page 1 (0x1000)} or
     * {@code page 0 entry 1 (0x0060)}, followed by {@code  key 'a'} when there is a key. Control characters, quotes
     * and backslashes in the key are escaped.
     *
     * @return the location, never empty
     */
    public String location() {
        StringBuilder sb = new StringBuilder(40);
        if (page < 0) {
            sb.append(offset < 0 ? "image" : "offset " + hex(offset));
        } else {
            sb.append("page ").append(page);
            if (entry >= 0) {
                sb.append(" entry ").append(entry);
            }
            if (offset >= 0) {
                sb.append(" (").append(hex(offset)).append(')');
            }
        }
        if (key != null) {
            sb.append(" key '");
            appendEscaped(sb, key);
            sb.append('\'');
        }
        return sb.toString();
    }

    private static String hex(long value) {
        String digits = Long.toHexString(value);
        return "0x" + "0000".substring(Math.min(4, digits.length())) + digits;
    }

    private static void appendEscaped(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            } else {
                sb.append(c);
            }
        }
    }
}
