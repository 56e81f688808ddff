package io.github.nvs4j.csv;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.csv.internal.Encoding;
import io.github.nvs4j.csv.internal.RawValue;
import io.github.nvs4j.csv.internal.RowType;
import io.github.nvs4j.csv.internal.Shown;
import io.github.nvs4j.csv.internal.WifiKeys;
import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Converts generator CSV rows into an {@link NvsData}, one row after the other, exactly as rows read from a CSV file
 * are converted: the same encodings, the same quirks, the same errors. {@link NvsCsvReader} uses it for files; mass
 * manufacturing uses it for the rows it builds in memory.
 *
 * <p>Rows are processed in order and share state, as in one generator run: the current namespace, and the Wi-Fi
 * special keys. What each row does:
 * <ul>
 *   <li>{@code namespace}: makes its key the current namespace, defining it if new (a repeated name switches back
 *       to that namespace);</li>
 *   <li>{@code data}: converts the value column with the encoding and adds it to the current namespace;</li>
 *   <li>{@code file}: reads the file named by the value column (relative paths against
 *       {@link CsvOptions#baseFolder()}) and converts its bytes.</li>
 * </ul>
 * Every refusal is an {@link NvsInputException} naming the row's source, line and key, and saying what would be
 * accepted. Not thread-safe; one instance per conversion.
 */
public final class CsvRowConverter {

    /** Largest file a {@code file} row may name; no encoding can use more (a hex or base64 blob of 508000 bytes). */
    static final long MAX_FILE_BYTES = 16L << 20;

    private final CsvOptions options;
    private final NvsData.Builder builder = NvsData.builder();
    private final Map<String, SourceRef> namespaceSources = new LinkedHashMap<>();
    private final Map<String, Map<String, SourceRef>> itemSources = new HashMap<>();
    private final WifiKeys wifi = new WifiKeys();
    private String current;
    private boolean finished;

    private CsvRowConverter(CsvOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Starts a conversion.
     *
     * @param options the base folder for {@code file} rows and the format version whose limits apply
     * @return a converter with no namespace and no item yet
     */
    public static CsvRowConverter start(CsvOptions options) {
        return new CsvRowConverter(options);
    }

    /**
     * Converts a sequence of rows in one go.
     *
     * @param rows    the rows, in order
     * @param options the base folder for {@code file} rows and the format version whose limits apply
     * @return the data and the source of each item
     * @throws NvsInputException at the first row that is refused
     */
    public static CsvInput convert(Iterable<CsvRow> rows, CsvOptions options) {
        CsvRowConverter converter = start(options);
        for (CsvRow row : rows) {
            converter.add(row);
        }
        return converter.finish();
    }

    /**
     * Converts one row.
     *
     * @param row the next row
     * @return this converter
     * @throws NvsInputException    if the row is refused; the converter must not be used after that
     * @throws IllegalStateException if {@link #finish()} was called
     */
    public CsvRowConverter add(CsvRow row) {
        if (finished) {
            throw new IllegalStateException("the conversion is finished");
        }
        SourceRef where = row.where();
        String key = row.key();
        if (key == null) {
            throw refused(where, null, "the row has no key field: each row needs key,type,encoding,value");
        }
        if (row.type() == null) {
            boolean onlySpaces = key.isBlank() && row.encoding() == null && row.value() == null;
            throw refused(where, key, onlySpaces
                    ? "the line holds only spaces, which is a row with nothing but a key, not a blank line:"
                            + " delete the spaces or the line"
                    : "the row has no type field: accepted are data, file and namespace");
        }
        RowType type;
        try {
            type = RowType.parse(row.type());
            NvsData.checkName(key, type == RowType.NAMESPACE ? "namespace name" : "key");
        } catch (NvsInputException e) {
            throw refused(where, key, e);
        }
        if (type == RowType.NAMESPACE) {
            namespace(key, where);
        } else {
            item(row, type == RowType.FILE, where);
        }
        return this;
    }

    /**
     * Ends the conversion.
     *
     * @return the data and the source of each namespace and item
     */
    public CsvInput finish() {
        finished = true;
        return new CsvInput(builder.build(), namespaceSources, itemSources);
    }

    private void namespace(String name, SourceRef where) {
        try {
            builder.namespace(name);
        } catch (NvsInputException e) {
            throw refused(where, name, e);
        }
        namespaceSources.putIfAbsent(name, where);
        itemSources.putIfAbsent(name, new LinkedHashMap<>());
        current = name;
    }

    private void item(CsvRow row, boolean file, SourceRef where) {
        String key = row.key();
        if (row.encoding() == null) {
            throw refused(where, key, "the row has no encoding field: a " + (file ? "file" : "data")
                    + " row needs key,type,encoding,value");
        }
        if (row.value() == null) {
            throw refused(where, key, "the row has no value field: a " + (file ? "file" : "data")
                    + " row needs key,type,encoding,value" + (file ? " with the file's path as value" : ""));
        }
        if (current == null) {
            throw refused(where, key, "the row comes before the first namespace row: add a line such as"
                    + " 'storage,namespace,,' above it (the generator would write it into the namespace table,"
                    + " where the device reads it as a namespace definition)");
        }
        checkNotSet(key, where);
        Encoding encoding;
        try {
            encoding = Encoding.parse(row.encoding(), options.version());
        } catch (NvsInputException e) {
            throw refused(where, key, e);
        }
        for (WifiKeys.Extra extra : wifi.before(key, row.value())) {
            addExtra(extra, key, where);
        }
        RawValue raw = file && !WifiKeys.storesPathText(key) ? readFile(row.value(), where, key)
                : new RawValue.Text(row.value());
        NvsValue value;
        try {
            value = encoding.decode(raw, options.version());
        } catch (NvsInputException e) {
            throw refused(where, key, e);
        }
        put(key, value, where);
        for (WifiKeys.Extra extra : wifi.after(key)) {
            addExtra(extra, key, where);
        }
    }

    private void addExtra(WifiKeys.Extra extra, String trigger, SourceRef where) {
        SourceRef extraWhere = new SourceRef(where.source(), where.line(),
                join(where.context(), "added by the generator's rule for the Wi-Fi key '" + trigger + "'"));
        checkNotSet(extra.key(), extraWhere);
        put(extra.key(), extra.value(), extraWhere);
    }

    private void checkNotSet(String key, SourceRef where) {
        SourceRef first = itemSources.get(current).get(key);
        if (first != null) {
            String at = first.source().equals(where.source()) && first.line() > 0
                    ? "line " + first.line() + (first.context().isEmpty() ? "" : " (" + first.context() + ")")
                    : first.toString();
            throw refused(where, key, "the key is already set in namespace '" + current + "' at " + at
                    + ": each key may appear once per namespace");
        }
    }

    private void put(String key, NvsValue value, SourceRef where) {
        try {
            builder.put(key, value);
        } catch (NvsInputException e) {
            throw refused(where, key, e);
        }
        itemSources.get(current).put(key, where);
    }

    private RawValue readFile(String pathText, SourceRef where, String key) {
        Path path;
        try {
            path = options.baseFolder().resolve(pathText);
        } catch (InvalidPathException e) {
            throw refused(where, key, "file path " + Shown.text(pathText) + " is not a valid path: " + e.getReason());
        }
        String shown = Shown.text(pathText);
        String resolved = pathText.equals(path.toString()) ? "" : " (resolved to " + path + ")";
        if (Files.isDirectory(path)) {
            throw refused(where, key, "file " + shown + resolved + " is a directory: a file row needs a file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw refused(where, key, "file " + shown + resolved + " is larger than " + (MAX_FILE_BYTES >> 20)
                        + " MiB; no NVS value can be that large");
            }
            return new RawValue.FileContent(pathText, bytes);
        } catch (NoSuchFileException e) {
            throw refused(where, key, "file " + shown + " does not exist" + resolved
                    + "; relative paths are resolved against " + options.baseFolder());
        } catch (AccessDeniedException e) {
            throw refused(where, key, "file " + shown + resolved + " cannot be read: access denied");
        } catch (IOException e) {
            throw refused(where, key, "file " + shown + resolved + " cannot be read: " + e.getMessage());
        }
    }

    private static NvsInputException refused(SourceRef where, String key, NvsInputException e) {
        return refused(where, key, e.reason(), e);
    }

    private static NvsInputException refused(SourceRef where, String key, String reason) {
        return refused(where, key, reason, null);
    }

    private static NvsInputException refused(SourceRef where, String key, String reason, Throwable cause) {
        String full = where.context().isEmpty() ? reason : reason + " (" + where.context() + ")";
        return new NvsInputException(full, where.source(), where.line(), key, cause);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }
}
