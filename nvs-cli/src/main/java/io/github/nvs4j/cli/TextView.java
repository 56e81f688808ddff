package io.github.nvs4j.cli;

import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.read.DeviceView;
import io.github.nvs4j.read.Stats;
import io.github.nvs4j.read.UnreadableEntry;
import io.github.nvs4j.read.ViewEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The device view as a table for people ({@code nvs dump --format text}): the init result and statistics, then one
 * row per value (namespace, key, type, value), then the unreadable and unlisted items. Long values are cut and
 * show their length; control characters are escaped.
 */
final class TextView {

    /** Longest string shown in full, in characters. */
    static final int MAX_TEXT = 60;
    /** Longest blob shown in full, in bytes. */
    static final int MAX_BLOB = 24;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** The header of a table of values. */
    private static final String[] HEADER = {"NAMESPACE", "KEY", "TYPE", "VALUE"};

    /** Spaces for padding: more than any namespace, key or type name plus the two spaces between columns need. */
    private static final String SPACES = " ".repeat(64);

    private TextView() {
    }

    /**
     * @param view the device view
     * @return the text, each line ending with a newline
     */
    static String render(DeviceView view) {
        StringBuilder sb = new StringBuilder(256 + 80 * view.entries().size());
        sb.append("init: ").append(view.init().name());
        if (!view.init().isOk()) {
            sb.append(" (nvs_flash_init fails: the device cannot use this partition; firmware normally erases it)\n");
            return sb.toString();
        }
        sb.append('\n');
        if (view.stats().isPresent()) {
            Stats s = view.stats().get();
            sb.append("stats: ").append(s.usedEntries()).append(" used, ").append(s.freeEntries()).append(" free, ")
                    .append(s.availableEntries()).append(" available, ").append(s.totalEntries())
                    .append(" total entries; ").append(s.namespaceCount())
                    .append(s.namespaceCount() == 1 ? " namespace\n" : " namespaces\n");
        } else {
            sb.append("stats: unavailable (nvs_get_stats fails: a FREEING page is left)\n");
        }
        sb.append('\n');
        if (view.entries().isEmpty()) {
            sb.append("(no values)\n");
        } else {
            valueTable(sb, view.entries());
        }
        if (!view.unreadable().isEmpty()) {
            sb.append("\nunreadable: listed by the iterator, but nvs_get_* fails\n");
            List<String[]> failed = new ArrayList<>();
            for (UnreadableEntry e : view.unreadable()) {
                failed.add(new String[] {printable(e.namespace()), printable(e.key()), e.type().displayName(), e.error()});
            }
            table(sb, new String[] {"NAMESPACE", "KEY", "TYPE", "ERROR"}, failed);
        }
        if (!view.unlisted().isEmpty()) {
            sb.append("\nunlisted: legacy blobs that nvs_get_blob reads but the iterator never lists\n");
            valueTable(sb, view.unlisted());
        }
        return sb.toString();
    }

    /**
     * A table of values. Written for the cold start of a one-shot process: one pass makes the cells and measures the
     * columns, each row's work is in small methods (compiled early, unlike the long loops here), consecutive rows of
     * one namespace share its printable name, and padding is appended from a constant.
     */
    private static void valueTable(StringBuilder sb, List<ViewEntry> entries) {
        int n = entries.size();
        String[] namespaces = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] values = new String[n];
        int[] width = {HEADER[0].length(), HEADER[1].length(), HEADER[2].length()};
        String lastNamespace = null;
        String lastPrintable = null;
        for (int r = 0; r < n; r++) {
            ViewEntry e = entries.get(r);
            if (e.namespace() != lastNamespace) {
                lastNamespace = e.namespace();
                lastPrintable = printable(lastNamespace);
            }
            namespaces[r] = lastPrintable;
            keys[r] = printable(e.key());
            types[r] = e.value().type().displayName();
            values[r] = value(e.value());
            measure(width, lastPrintable, keys[r], types[r]);
        }
        row(sb, width, HEADER[0], HEADER[1], HEADER[2], HEADER[3]);
        for (int r = 0; r < n; r++) {
            row(sb, width, namespaces[r], keys[r], types[r], values[r]);
        }
    }

    private static void measure(int[] width, String namespace, String key, String type) {
        width[0] = Math.max(width[0], namespace.length());
        width[1] = Math.max(width[1], key.length());
        width[2] = Math.max(width[2], type.length());
    }

    private static void row(StringBuilder sb, int[] width, String namespace, String key, String type, String value) {
        cell(sb, namespace, width[0]);
        cell(sb, key, width[1]);
        cell(sb, type, width[2]);
        sb.append(value).append('\n');
    }

    private static void cell(StringBuilder sb, String text, int width) {
        sb.append(text);
        int pad = width - text.length() + 2;
        if (pad <= SPACES.length()) {
            sb.append(SPACES, 0, pad);
        } else {
            sb.append(" ".repeat(pad));
        }
    }

    private static void table(StringBuilder sb, String[] header, List<String[]> rows) {
        int[] width = new int[header.length - 1];
        for (int i = 0; i < width.length; i++) {
            width[i] = header[i].length();
            for (String[] row : rows) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        line(sb, header, width);
        for (String[] row : rows) {
            line(sb, row, width);
        }
    }

    private static void line(StringBuilder sb, String[] cells, int[] width) {
        for (int i = 0; i < width.length; i++) {
            cell(sb, cells[i], width[i]);
        }
        sb.append(cells[cells.length - 1]).append('\n');
    }

    /**
     * @param value a value
     * @return how the table shows it
     */
    static String value(NvsValue value) {
        if (value instanceof NvsValue.U8 v) {
            return Integer.toString(v.value());
        } else if (value instanceof NvsValue.I8 v) {
            return Integer.toString(v.value());
        } else if (value instanceof NvsValue.U16 v) {
            return Integer.toString(v.value());
        } else if (value instanceof NvsValue.I16 v) {
            return Integer.toString(v.value());
        } else if (value instanceof NvsValue.U32 v) {
            return Long.toString(v.value());
        } else if (value instanceof NvsValue.I32 v) {
            return Integer.toString(v.value());
        } else if (value instanceof NvsValue.U64 v) {
            return Long.toUnsignedString(v.value());
        } else if (value instanceof NvsValue.I64 v) {
            return Long.toString(v.value());
        } else if (value instanceof NvsValue.F32 v) {
            return v.value() + String.format(Locale.ROOT, " (bits 0x%08x)", v.bits());
        } else if (value instanceof NvsValue.F64 v) {
            return v.value() + String.format(Locale.ROOT, " (bits 0x%016x)", v.bits());
        } else if (value instanceof NvsValue.Str v) {
            return string(v);
        }
        return blob(((NvsValue.Blob) value).bytes());
    }

    private static String string(NvsValue.Str s) {
        String text = s.text();
        boolean cut = text.length() > MAX_TEXT;
        String shown = quoted(cut ? text.substring(0, MAX_TEXT - 10) : text);
        if (cut) {
            return shown.substring(0, shown.length() - 1) + "...\" (" + s.length() + " bytes)";
        }
        return s.isUtf8() ? shown : shown + " (not valid UTF-8)";
    }

    private static String blob(byte[] bytes) {
        if (bytes.length == 0) {
            return "(empty)";
        }
        int shown = Math.min(bytes.length, MAX_BLOB);
        char[] hex = new char[2 * shown];
        for (int i = 0; i < shown; i++) {
            hex[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        StringBuilder sb = new StringBuilder(2 * shown + 20).append(hex);
        if (shown < bytes.length) {
            sb.append("...");
        }
        return sb.append(" (").append(bytes.length).append(bytes.length == 1 ? " byte)" : " bytes)").toString();
    }

    /**
     * @param text a string value
     * @return the text in double quotes, with quotes, backslashes and control characters escaped
     */
    static String quoted(String text) {
        if (!needsEscape(text)) {
            return '"' + text + '"';
        }
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean needsEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    /**
     * @param name a namespace name or key
     * @return the name with control characters escaped, {@code ""} shown as {@code ""}
     */
    static String printable(String name) {
        if (name.isEmpty()) {
            return "\"\"";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c == 0x7F || c == '"') {
                return quoted(name);
            }
        }
        return name;
    }
}
