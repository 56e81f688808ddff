package io.github.nvs4j.internal.check;

import io.github.nvs4j.internal.format.EntryState;
import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.internal.json.JsonText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints what {@code nvs_tool.py IMAGE -f json -d minimal} prints ({@code print_minimal_json}), from the tool's view
 * of the image ({@link ToolParse}):
 * <ol>
 *   <li>namespaces: every written head in namespace 0, page by page, maps its value to its key (a later definition
 *       of the same value wins);</li>
 *   <li>one record per written head outside namespace 0 whose namespace is in that map, in page and walk order,
 *       blob indexes left out: {@code namespace}, {@code key}, {@code encoding} (the tool's type name), {@code data}
 *       (the integer; the string with trailing NULs removed; base64 of a blob or of one blob chunk; {@code null}
 *       for an unknown type), {@code state} ({@code "Written"}) and {@code is_empty};</li>
 *   <li>Python's {@code json.dumps(indent=4)} layout with ASCII escapes, then a newline.</li>
 * </ol>
 * Where the tool would stop with an exception instead, this class prints the dump of what is there and says so in a
 * note: an image whose length is not a multiple of 4096 (its whole pages are dumped), a string, blob or blob index
 * in namespace 0 (not taken as a namespace definition), a fixed-size item with a span above 1 (listed normally), and
 * a string that is not valid UTF-8 (malformed bytes become U+FFFD).
 */
public final class MinimalJson {

    private final ToolParse t;
    private final List<String> notes = new ArrayList<>();
    private final Map<Long, String> namespaces = new HashMap<>();

    private MinimalJson(ToolParse parse) {
        this.t = parse;
    }

    /** The printed text and the notes about where the tool itself would fail. */
    public record Result(String json, List<String> notes) {
    }

    /**
     * @param image the image
     * @return the dump and its notes
     */
    public static Result of(byte[] image) {
        MinimalJson dump = new MinimalJson(ToolParse.of(image));
        int rest = image.length % Page.SIZE;
        if (rest != 0) {
            dump.notes.add("nvs_tool.py refuses this image (NotAlignedError: Given partition data is not aligned to"
                    + " page size (" + image.length + " % 4096 = " + rest + ")); the " + rest + " bytes after the"
                    + " last whole page are left out");
        }
        String json = dump.print();
        return new Result(json, List.copyOf(dump.notes));
    }

    private String print() {
        noteParserCrashes();
        collectNamespaces();
        StringBuilder sb = new StringBuilder(256);
        int records = 0;
        for (int p = 0; p < t.pageCount(); p++) {
            if (t.isBlankPage(p)) {
                continue;
            }
            for (int k = 0; k < t.headCount(p); k++) {
                int i = t.head(p, k);
                int ns = t.nsIndex(p, i);
                if (t.state(p, i) != EntryState.WRITTEN || ns == 0) {
                    continue;
                }
                int code = t.typeCode(p, i);
                if (code == ItemType.BLOB_IDX.code()) {
                    continue;
                }
                String data = data(p, i, code);
                String namespace = namespaces.get((long) ns);
                if (namespace == null) {
                    continue;
                }
                sb.append(records++ == 0 ? "[\n" : ",\n");
                sb.append("    {\n        \"namespace\": ");
                JsonText.appendString(sb, namespace, JsonText.Style.PYTHON_ASCII);
                sb.append(",\n        \"key\": ");
                JsonText.appendString(sb, t.key(p, i), JsonText.Style.PYTHON_ASCII);
                sb.append(",\n        \"encoding\": ");
                JsonText.appendString(sb, ToolParse.typeName(code), JsonText.Style.PYTHON_ASCII);
                sb.append(",\n        \"data\": ").append(data);
                sb.append(",\n        \"state\": \"Written\",\n        \"is_empty\": ")
                        .append(t.isBlank(p, i)).append("\n    }");
            }
        }
        return records == 0 ? "[]\n" : sb.append("\n]\n").toString();
    }

    /** The parser computes a data CRC for every head with a span; for a fixed-size type it fails there. */
    private void noteParserCrashes() {
        for (int p = 0; p < t.pageCount(); p++) {
            if (t.isBlankPage(p)) {
                continue;
            }
            for (int k = 0; k < t.headCount(p); k++) {
                int i = t.head(p, k);
                if (t.crcLength(p, i) < 0) {
                    notes.add("nvs_tool.py crashes on this image (KeyError: 'size'): the "
                            + Findings.typeLabel(t.typeCode(p, i)) + " at page " + p + " entry " + i + " has span "
                            + t.rawSpan(p, i) + "; it is dumped here as if its span were 1");
                }
            }
        }
    }

    private void collectNamespaces() {
        for (int p = 0; p < t.pageCount(); p++) {
            if (t.isBlankPage(p)) {
                continue;
            }
            for (int k = 0; k < t.headCount(p); k++) {
                int i = t.head(p, k);
                if (t.state(p, i) != EntryState.WRITTEN || t.nsIndex(p, i) != 0) {
                    continue;
                }
                ItemType type = ToolParse.toolType(t.typeCode(p, i));
                if (type == null) {
                    continue; // the tool maps None to the name, which no namespace index matches
                }
                if (type.isFixedSize()) {
                    namespaces.put(t.fixedValue(p, i), t.key(p, i));
                } else {
                    notes.add("nvs_tool.py crashes on this image (TypeError: unhashable type: 'list'): the "
                            + Findings.typeLabel(type.code()) + " at page " + p + " entry " + i + " is in namespace"
                            + " 0 but is no namespace definition; it is left out of the namespace list");
                }
            }
        }
    }

    private String data(int p, int i, int code) {
        ItemType type = ToolParse.toolType(code);
        if (type == null) {
            return "null";
        }
        if (type.isFixedSize()) {
            long value = t.fixedValue(p, i);
            return ToolParse.isSigned(code) ? Long.toString(value) : Long.toUnsignedString(value);
        }
        byte[] image = t.image();
        int off = t.payloadOffset(p, i);
        int len = t.payloadLength(p, i);
        if (type == ItemType.SZ) {
            while (len > 0 && image[off + len - 1] == 0) {
                len--;
            }
            return JsonText.quote(utf8(image, off, len, p, i), JsonText.Style.PYTHON_ASCII);
        }
        byte[] payload = new byte[len];
        System.arraycopy(image, off, payload, 0, len);
        return '"' + Base64.getEncoder().encodeToString(payload) + '"';
    }

    private String utf8(byte[] image, int off, int len, int p, int i) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(image, off, len)).toString();
        } catch (CharacterCodingException e) {
            notes.add("nvs_tool.py crashes on this image (UnicodeDecodeError): the string at page " + p + " entry "
                    + i + " is not valid UTF-8; its malformed bytes are shown as U+FFFD");
            return new String(image, off, len, StandardCharsets.UTF_8);
        }
    }
}
