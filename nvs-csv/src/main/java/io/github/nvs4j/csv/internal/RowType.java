package io.github.nvs4j.csv.internal;

import io.github.nvs4j.NvsInputException;

/**
 * The type column of a generator CSV row. nvs4j accepts exactly the three documented words in any ASCII letter case
 * and refuses anything else; the generator compares with {@code file} and {@code namespace} only and treats every
 * other word, {@code File} included, as {@code data} (see {@code docs/differences.md}).
 */
public enum RowType {
    /** The row starts (or switches back to) the namespace named in its key column. */
    NAMESPACE,
    /** The row's value column holds the value. */
    DATA,
    /** The row's value column names a file whose bytes are the value. */
    FILE;

    /**
     * Parses a type column.
     *
     * @param text the column's text, not {@code null}
     * @return the type
     * @throws NvsInputException if the text is not one of the three words
     */
    public static RowType parse(String text) {
        String lower = Encoding.asciiLowerCase(text); // no copy when already lower case
        for (RowType t : ALL) {
            if (t.csvName.equals(lower)) {
                return t;
            }
        }
        String trimmed = PythonWhitespace.strip(lower);
        String hint = "";
        for (RowType t : ALL) {
            if (!trimmed.equals(lower) && t.csvName.equals(trimmed)) {
                hint = " (remove the spaces around the word)";
            }
        }
        throw new NvsInputException("type " + Shown.text(text) + " is not known" + hint
                + ": accepted are data, file and namespace, in any letter case");
    }

    /** Every constant, without the copy {@code values()} makes on each call (one look-up per CSV row). */
    private static final RowType[] ALL = values();

    private final String csvName = name().toLowerCase(java.util.Locale.ROOT);

    /** @return the word in the CSV, in lower case */
    public String csvName() {
        return csvName;
    }
}
