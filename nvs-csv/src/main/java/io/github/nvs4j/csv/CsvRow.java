package io.github.nvs4j.csv;

import java.util.Objects;

/**
 * One row of a generator CSV ({@code key,type,encoding,value}) with the place it came from. A field that the row
 * does not have at all is {@code null}, which is not the same as an empty field: Python's {@code csv.DictReader},
 * which the generator uses, makes that distinction too, and the converter reports a missing field by name.
 *
 * <p>Rows built in memory (mass manufacturing) use this type as well, so that they are converted exactly like rows
 * read from a file: see {@link CsvRowConverter}.
 *
 * @param key      the key or namespace name, or {@code null} if the row has no such field
 * @param type     {@code namespace}, {@code data} or {@code file} (any letter case), or {@code null}
 * @param encoding the encoding ({@code u8} … {@code i64}, {@code string}, {@code hex2bin}, {@code base64},
 *                 {@code binary}, {@code blob_fill(N;0xHH)}, {@code blob_sz_fill(N;0xHH)}), or {@code null}
 * @param value    the value (a path for {@code file} rows), or {@code null}
 * @param where    where the row came from; never {@code null}
 */
public record CsvRow(String key, String type, String encoding, String value, SourceRef where) {

    /**
     * Checks that the source is given.
     *
     * @throws NullPointerException if {@code where} is {@code null}
     */
    public CsvRow {
        Objects.requireNonNull(where, "where");
    }
}
