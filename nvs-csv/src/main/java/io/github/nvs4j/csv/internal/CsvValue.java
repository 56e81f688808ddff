package io.github.nvs4j.csv.internal;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.model.NvsValue;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * How a value is written in the generator's CSV dialect: an encoding and the value text, chosen so that reading the
 * text back gives the same value.
 * <ul>
 *   <li>integers: their encoding ({@code u8} … {@code i64}) and the number in decimal;</li>
 *   <li>strings: {@code string} and the text, when the text survives the dialect; otherwise {@code hex2bin} of the
 *       bytes, which reads back as a <em>blob</em> with the same bytes ({@link #lossNote()} says why);</li>
 *   <li>blobs: {@code hex2bin}, lower-case hex;</li>
 *   <li>floats: refused, the generator has no encoding for them.</li>
 * </ul>
 * A string's text does not survive the dialect when it is not valid UTF-8 (the CSV is UTF-8 text), contains a NUL,
 * contains a carriage return (universal newlines turn it into a line feed), or has a line that starts with {@code #}
 * (dropped as a comment line before parsing, even inside quotes).
 *
 * @param encoding the encoding column
 * @param text     the value column
 * @param lossNote why a string had to be written as a blob; empty when the value reads back unchanged
 */
public record CsvValue(String encoding, String text, Optional<String> lossNote) {

    /**
     * @param value a value
     * @param key   its key, for the refusal message
     * @param namespace its namespace, for the refusal message
     * @return how to write it
     * @throws NvsInputException for {@link NvsValue.F32} and {@link NvsValue.F64}
     */
    public static CsvValue of(NvsValue value, String namespace, String key) {
        switch (value.type()) {
            case U8:
                return exact("u8", Integer.toString(((NvsValue.U8) value).value()));
            case I8:
                return exact("i8", Integer.toString(((NvsValue.I8) value).value()));
            case U16:
                return exact("u16", Integer.toString(((NvsValue.U16) value).value()));
            case I16:
                return exact("i16", Integer.toString(((NvsValue.I16) value).value()));
            case U32:
                return exact("u32", Long.toString(((NvsValue.U32) value).value()));
            case I32:
                return exact("i32", Integer.toString(((NvsValue.I32) value).value()));
            case U64:
                return exact("u64", Long.toUnsignedString(((NvsValue.U64) value).value()));
            case I64:
                return exact("i64", Long.toString(((NvsValue.I64) value).value()));
            case STR:
                return string((NvsValue.Str) value);
            case BLOB:
                return exact("hex2bin", HexFormat.of().formatHex(((NvsValue.Blob) value).bytes()));
            default:
                String number = value instanceof NvsValue.F32 f ? Float.toString(f.value())
                        : Double.toString(((NvsValue.F64) value).value());
                throw new NvsInputException("the value in namespace '" + namespace + "' is a " + value.type()
                        .displayName() + " (" + number + "): the generator's CSV has no encoding for floating-point"
                        + " values, so this data cannot be written as such a CSV", null, 0, key, null);
        }
    }

    private static CsvValue exact(String encoding, String text) {
        return new CsvValue(encoding, text, Optional.empty());
    }

    private static CsvValue string(NvsValue.Str value) {
        byte[] bytes = value.bytes();
        Optional<String> problem = textProblem(bytes);
        if (problem.isEmpty()) {
            return exact("string", new String(bytes, StandardCharsets.UTF_8));
        }
        return new CsvValue("hex2bin", HexFormat.of().formatHex(bytes), Optional.of("the string is written as"
                + " hex2bin and reads back as a blob with the same bytes, because " + problem.get()));
    }

    /**
     * @param bytes a string's bytes
     * @return why the bytes cannot be written as {@code string} text, if they cannot
     */
    static Optional<String> textProblem(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.of("it is not valid UTF-8 and a CSV file is UTF-8 text");
        }
        return lineProblem(text, "it").or(() -> text.indexOf('\0') >= 0
                ? Optional.of("it contains a NUL character") : Optional.empty());
    }

    /**
     * @param text a key, namespace name or value text
     * @param what how to refer to it in the reason
     * @return why the text cannot appear in a CSV row unchanged, if it cannot
     */
    public static Optional<String> lineProblem(String text, String what) {
        if (text.indexOf('\r') >= 0) {
            return Optional.of(what + " contains a carriage return, which the generator's universal newlines read"
                    + " as a line feed");
        }
        if (text.contains("\n#")) {
            return Optional.of(what + " has a line that starts with '#', which the generator drops as a comment"
                    + " line");
        }
        return Optional.empty();
    }
}
