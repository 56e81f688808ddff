package io.github.nvs4j.internal.check;

import io.github.nvs4j.check.Finding;
import io.github.nvs4j.check.FindingCode;
import io.github.nvs4j.check.Severity;
import io.github.nvs4j.internal.format.Page;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Collects findings for one image and fills in their locations and keys. Which codes stand at which offset is
 * indexed, so that asking whether a finding is already there costs the same however many there are (a damaged
 * image can have one per entry: scanning the list for each was quadratic).
 */
public final class Findings {

    private static final int CODES = FindingCode.values().length;

    private final byte[] image;
    private final List<Finding> list = new ArrayList<>();
    /** Offset × number of codes + code ordinal, of every finding in {@link #list}. */
    private final Set<Long> codeAtOffset = new HashSet<>();

    /** @param image the image the findings are about */
    public Findings(byte[] image) {
        this.image = image;
    }

    /** @return the findings so far, in the order they were added (read-only view) */
    public List<Finding> list() {
        return Collections.unmodifiableList(list);
    }

    /**
     * @param code a code
     * @param offset a finding offset ({@link Finding#offset()}; -1 for the whole image)
     * @return whether a finding with that code at that offset is there
     */
    public boolean has(FindingCode code, long offset) {
        return codeAtOffset.contains(key(code, offset));
    }

    /**
     * Removes the findings that match.
     *
     * @param filter which findings to remove
     */
    public void removeIf(Predicate<Finding> filter) {
        if (list.removeIf(filter)) {
            codeAtOffset.clear();
            for (Finding f : list) {
                codeAtOffset.add(key(f.code(), f.offset()));
            }
        }
    }

    private static long key(FindingCode code, long offset) {
        return offset * CODES + code.ordinal();
    }

    private void add(Finding f) {
        list.add(f);
        codeAtOffset.add(key(f.code(), f.offset()));
    }

    /**
     * @param code a code
     * @return the findings so far with that code
     */
    public List<Finding> withCode(FindingCode code) {
        List<Finding> found = new ArrayList<>();
        for (Finding f : list) {
            if (f.code() == code) {
                found.add(f);
            }
        }
        return found;
    }

    /**
     * Adds a finding about the whole image.
     *
     * @param code the code (its usual severity is used)
     * @param message the message
     */
    public void image(FindingCode code, String message) {
        image(code, code.severity(), message);
    }

    /**
     * Adds a finding about the whole image with a severity other than the code's usual one.
     *
     * @param code the code
     * @param severity the severity
     * @param message the message
     */
    public void image(FindingCode code, Severity severity, String message) {
        add(new Finding(severity, code, -1, -1, -1, null, message));
    }

    /**
     * Adds a finding about a byte range that lies in no page.
     *
     * @param code the code (its usual severity is used)
     * @param offset the first byte concerned
     * @param message the message
     */
    public void offset(FindingCode code, long offset, String message) {
        add(new Finding(code.severity(), code, -1, -1, offset, null, message));
    }

    /**
     * Adds a finding about a page.
     *
     * @param code the code (its usual severity is used)
     * @param page the physical page index
     * @param message the message
     */
    public void page(FindingCode code, int page, String message) {
        add(new Finding(code.severity(), code, page, -1, Page.offset(page), null, message));
    }

    /**
     * Adds a finding about an entry, with the entry's key unless the entry is blank.
     *
     * @param code the code (its usual severity is used)
     * @param page the physical page index
     * @param entry the entry index
     * @param message the message
     */
    public void entry(FindingCode code, int page, int entry, String message) {
        entry(code, code.severity(), page, entry, message);
    }

    /**
     * Adds a finding about an entry with a severity other than the code's usual one.
     *
     * @param code the code
     * @param severity the severity
     * @param page the physical page index
     * @param entry the entry index
     * @param message the message
     */
    public void entry(FindingCode code, Severity severity, int page, int entry, String message) {
        int e = Page.entryOffset(page, entry);
        String key = ToolParse.isBlank(image, e, Page.ENTRY_SIZE) ? null : displayKey(image, e);
        add(new Finding(severity, code, page, entry, e, key, message));
    }

    /**
     * Adds a finding about an entry unless one with the same code is already there (for problems that two checks
     * can find).
     *
     * @param code the code (its usual severity is used)
     * @param page the physical page index
     * @param entry the entry index
     * @param message the message
     */
    public void entryOnce(FindingCode code, int page, int entry, String message) {
        if (!has(code, Page.entryOffset(page, entry))) {
            entry(code, page, entry, message);
        }
    }

    /**
     * @param image an image
     * @param entryOffset an entry's offset
     * @return the key bytes up to the first NUL (at most 16), decoded as UTF-8 with malformed bytes replaced
     */
    public static String displayKey(byte[] image, int entryOffset) {
        int k = entryOffset + 8;
        int n = 0;
        while (n < 16 && image[k + n] != 0) {
            n++;
        }
        return new String(image, k, n, StandardCharsets.UTF_8);
    }

    /**
     * @param value a 32-bit value
     * @return {@code 0x} and eight lower-case hex digits
     */
    public static String hex32(long value) {
        String digits = Long.toHexString(value & 0xFFFF_FFFFL);
        return "0x" + "00000000".substring(digits.length()) + digits;
    }

    /**
     * @param value a byte value
     * @return {@code 0x} and two lower-case hex digits
     */
    public static String hex8(int value) {
        return "0x" + Character.forDigit((value >> 4) & 0xF, 16) + Character.forDigit(value & 0xF, 16);
    }

    /**
     * @param code a type byte
     * @return a short name for messages: {@code u8} … {@code i64}, {@code float}, {@code double}, {@code string},
     *     {@code legacy blob}, {@code blob chunk}, {@code blob index}, or {@code type 0xNN}
     */
    public static String typeLabel(int code) {
        return switch (code) {
            case 0x01 -> "u8";
            case 0x11 -> "i8";
            case 0x02 -> "u16";
            case 0x12 -> "i16";
            case 0x04 -> "u32";
            case 0x14 -> "i32";
            case 0x08 -> "u64";
            case 0x18 -> "i64";
            case 0x24 -> "float";
            case 0x28 -> "double";
            case 0x21 -> "string";
            case 0x41 -> "legacy blob";
            case 0x42 -> "blob chunk";
            case 0x48 -> "blob index";
            default -> "type " + hex8(code);
        };
    }
}
