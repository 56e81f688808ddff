package io.github.nvs4j.internal.runtime;

import io.github.nvs4j.internal.json.JsonText;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.read.Stats;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The {@code NAME.expected.json} format of {@code testdata/device-images} ({@code "nvs-oracle/1"}), byte for byte:
 * two-space indent, {@code stats} on one line, one list element per line, device-style string escaping, integers
 * in decimal over their full range, blobs in lower-case hex, floats as {@code %.9g} / {@code %.17g} followed by
 * their bit pattern.
 */
public final class DeviceJson {

    private static final HexFormat HEX = HexFormat.of();

    private DeviceJson() {
    }

    /**
     * @param outcome what the runtime found
     * @return the JSON text, ending with a newline
     */
    public static String write(BootOutcome outcome) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\n  \"format\": \"nvs-oracle/1\",\n  \"init\": \"").append(Esp.name(outcome.init()))
                .append("\",\n  \"stats\": ");
        Stats s = outcome.stats();
        if (s == null) {
            out.append("null");
        } else {
            out.append("{\"used_entries\": ").append(s.usedEntries())
                    .append(", \"free_entries\": ").append(s.freeEntries())
                    .append(", \"available_entries\": ").append(s.availableEntries())
                    .append(", \"total_entries\": ").append(s.totalEntries())
                    .append(", \"namespace_count\": ").append(s.namespaceCount()).append('}');
        }
        out.append(",\n");
        list(out, "entries", outcome.listed(), outcome.listed().readable(), true);
        out.append(",\n");
        list(out, "unreadable", outcome.listed(), outcome.listed().unreadable(), false);
        out.append(",\n");
        list(out, "unlisted", outcome.unlisted(), outcome.unlisted().readable(), true);
        out.append("\n}\n");
        return out.toString();
    }

    private static void list(StringBuilder out, String name, ViewRows rows, int[] order, boolean values) {
        out.append("  \"").append(name).append("\": [");
        if (order.length == 0) {
            out.append(']');
            return;
        }
        byte[] key = new byte[16];
        for (int i = 0; i < order.length; i++) {
            int r = order[i];
            out.append(i == 0 ? "\n    " : ",\n    ");
            out.append("{\"namespace\": ");
            byte[] ns = rows.namespace(r);
            string(out, ns, ns.length);
            out.append(", \"key\": ");
            string(out, key, rows.keyInto(r, key));
            out.append(", \"type\": \"").append(typeName(rows.type(r))).append('"');
            if (values) {
                value(out, rows.value(r));
            } else {
                out.append(", \"error\": \"").append(Esp.name(rows.error(r))).append('"');
            }
            out.append('}');
        }
        out.append("\n  ]");
    }

    private static void string(StringBuilder out, byte[] utf8, int length) {
        JsonText.appendString(out, new String(utf8, 0, length, StandardCharsets.UTF_8), JsonText.Style.DEVICE);
    }

    private static void value(StringBuilder out, NvsValue value) {
        out.append(", \"value\": ");
        if (value instanceof NvsValue.U8 v) {
            out.append(v.value());
        } else if (value instanceof NvsValue.I8 v) {
            out.append(v.value());
        } else if (value instanceof NvsValue.U16 v) {
            out.append(v.value());
        } else if (value instanceof NvsValue.I16 v) {
            out.append(v.value());
        } else if (value instanceof NvsValue.U32 v) {
            out.append(v.value());
        } else if (value instanceof NvsValue.I32 v) {
            out.append(v.value());
        } else if (value instanceof NvsValue.U64 v) {
            out.append(Long.toUnsignedString(v.value()));
        } else if (value instanceof NvsValue.I64 v) {
            out.append(v.value());
        } else if (value instanceof NvsValue.F32 v) {
            out.append(CFloatFormat.g(v.value(), 9)).append(", \"bits\": \"").append(HEX.toHexDigits(v.bits()))
                    .append('"');
        } else if (value instanceof NvsValue.F64 v) {
            out.append(CFloatFormat.g(v.value(), 17)).append(", \"bits\": \"").append(HEX.toHexDigits(v.bits()))
                    .append('"');
        } else if (value instanceof NvsValue.Str v) {
            JsonText.appendString(out, v.text(), JsonText.Style.DEVICE);
            if (!v.isUtf8()) {
                out.append(", \"value_hex\": \"").append(HEX.formatHex(v.bytes())).append('"');
            }
        } else if (value instanceof NvsValue.Blob v) {
            out.append('"').append(HEX.formatHex(v.bytes())).append('"');
        }
    }

    /**
     * @param type an iterator type byte
     * @return its name in the view: {@code u8} … {@code i64}, {@code float}, {@code double}, {@code str}, {@code blob}
     */
    static String typeName(int type) {
        return switch (type) {
            case ItemHeader.T_U8 -> "u8";
            case ItemHeader.T_I8 -> "i8";
            case ItemHeader.T_U16 -> "u16";
            case ItemHeader.T_I16 -> "i16";
            case ItemHeader.T_U32 -> "u32";
            case ItemHeader.T_I32 -> "i32";
            case ItemHeader.T_U64 -> "u64";
            case ItemHeader.T_I64 -> "i64";
            case ItemHeader.T_FLOAT -> "float";
            case ItemHeader.T_DOUBLE -> "double";
            case ItemHeader.T_SZ -> "str";
            default -> "blob";
        };
    }
}
