package io.github.nvs4j.csv.internal;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.write.FormatVersion;

/**
 * The size limits of strings and blobs per format version, checked while reading so that the error names the line
 * (spec §4, §5, §6.5): format 1 stores strings (NUL included) and blobs of at most 1984 bytes; format 2 stores
 * strings of at most 4000 bytes with the NUL and blobs of at most 508000 bytes (127 chunks of 4000 bytes).
 */
public final class FormatLimits {

    /** Largest string or blob of format 1, in bytes (a string's NUL included). */
    public static final int V1_MAX_ITEM = 1984;

    /** Largest string of format 2, in bytes, its NUL included. */
    public static final int V2_MAX_STRING = 4000;

    private FormatLimits() {
    }

    /**
     * @param version the format version
     * @return the largest string in bytes, NUL included
     */
    public static int maxStringWithNul(FormatVersion version) {
        return version == FormatVersion.V1 ? V1_MAX_ITEM : V2_MAX_STRING;
    }

    /**
     * @param version the format version
     * @return the largest blob in bytes
     */
    public static int maxBlob(FormatVersion version) {
        return version == FormatVersion.V1 ? V1_MAX_ITEM : NvsValue.MAX_BLOB_BYTES;
    }

    /**
     * Checks a string's length.
     *
     * @param bytesWithoutNul the UTF-8 length of the text
     * @param version         the format version
     * @throws NvsInputException if the string with its NUL is longer than the version allows
     */
    public static void checkString(int bytesWithoutNul, FormatVersion version) {
        int max = maxStringWithNul(version);
        if (bytesWithoutNul + 1L > max) {
            throw new NvsInputException("string is " + (bytesWithoutNul + 1L) + " bytes with its terminating NUL:"
                    + " format version " + number(version) + " stores strings of at most " + max
                    + " bytes, NUL included");
        }
    }

    /**
     * Checks a blob's length.
     *
     * @param bytes   the blob's length
     * @param version the format version
     * @throws NvsInputException if the blob is longer than the version allows
     */
    public static void checkBlob(long bytes, FormatVersion version) {
        int max = maxBlob(version);
        if (bytes > max) {
            throw new NvsInputException("blob is " + bytes + " bytes: format version " + number(version)
                    + " stores blobs of at most " + max + " bytes"
                    + (version == FormatVersion.V1 ? " (format 2 splits larger blobs across pages)"
                    : " (127 chunks of 4000 bytes)"));
        }
    }

    /**
     * @param version a format version
     * @return 1 or 2, as given to {@code --version}
     */
    public static int number(FormatVersion version) {
        return version == FormatVersion.V1 ? 1 : 2;
    }
}
