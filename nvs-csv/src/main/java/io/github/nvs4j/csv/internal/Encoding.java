package io.github.nvs4j.csv.internal;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.write.FormatVersion;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The content of a row's encoding column: a {@link GeneratorEncoding}, with the length and padding byte of
 * {@code blob_fill(N;0xHH)} and {@code blob_sz_fill(N;0xHH)}.
 *
 * <p>Names match in any ASCII letter case (nvs4j's decision; the generator decodes only lower-case
 * {@code string}, {@code hex2bin}, {@code base64} and {@code blob_fill}). Spaces are not trimmed, as in the
 * generator. The fill encodings follow the generator's pattern {@code (blob_fill|blob_sz_fill)\((\d+);(0x[0-9a-f]{2})\)}
 * anchored at the start only, so text after the closing parenthesis is ignored, and {@code N} may use any Unicode
 * decimal digits that Python 3.11's {@code \d} matches ({@link PythonDigits}).
 *
 * @param kind       the encoding
 * @param fillLength for the fill encodings, the length N; otherwise 0
 * @param fillByte   for the fill encodings, the padding byte (0…255); otherwise 0
 */
public record Encoding(GeneratorEncoding kind, int fillLength, int fillByte) {

    /** The fill encodings' syntax, compiled on first use (most CSVs have none; the command line starts faster). */
    private static final class Fill {
        static final Pattern PATTERN = Pattern.compile("(blob_fill|blob_sz_fill)\\(([^;]+);0x([0-9a-f]{2})\\)");
    }

    /** The encodings without arguments by their lower-case names, one shared instance each. */
    private static final Map<String, Encoding> PLAIN = plainEncodings();

    private static Map<String, Encoding> plainEncodings() {
        Map<String, Encoding> byName = new HashMap<>();
        for (GeneratorEncoding kind : GeneratorEncoding.values()) {
            if (!kind.isFill()) {
                byName.put(kind.csvName(), new Encoding(kind, 0, 0));
            }
        }
        return Map.copyOf(byName);
    }

    private static final String ACCEPTED = "accepted are u8, i8, u16, i16, u32, i32, u64, i64, string, hex2bin,"
            + " base64, binary, blob_fill(N;0xHH) and blob_sz_fill(N;0xHH), in any letter case";

    /**
     * Parses an encoding column.
     *
     * @param text    the column's text
     * @param version the format version, which bounds the fill length
     * @return the encoding
     * @throws NvsInputException if the name is unknown, a fill encoding is malformed, or its length exceeds the
     *                           largest blob of the version
     */
    public static Encoding parse(String text, FormatVersion version) {
        Encoding usual = PLAIN.get(text);
        if (usual != null) {
            return usual; // the common case, one look-up per row: a plain name already in lower case
        }
        String lower = asciiLowerCase(text);
        if (lower.startsWith("blob_fill") || lower.startsWith("blob_sz_fill")) {
            return parseFill(text, lower, version);
        }
        Optional<GeneratorEncoding> plain = GeneratorEncoding.byName(lower);
        if (plain.isPresent()) {
            return new Encoding(plain.get(), 0, 0);
        }
        String hint = "";
        String trimmed = PythonWhitespace.strip(lower);
        if (!trimmed.equals(lower) && (GeneratorEncoding.byName(trimmed).isPresent()
                || Fill.PATTERN.matcher(trimmed).lookingAt())) {
            hint = " (remove the spaces around the name)";
        }
        throw new NvsInputException("encoding " + Shown.text(text) + " is not supported" + hint + ": " + ACCEPTED);
    }

    private static Encoding parseFill(String text, String lower, FormatVersion version) {
        Matcher m = Fill.PATTERN.matcher(lower);
        if (!m.lookingAt() || !m.group(2).codePoints().allMatch(cp -> PythonDigits.value(cp) >= 0)) {
            throw new NvsInputException("encoding " + Shown.text(text) + " is malformed: accepted are"
                    + " blob_fill(N;0xHH) and blob_sz_fill(N;0xHH), with N the length in decimal and HH the padding"
                    + " byte as two hex digits, for example blob_fill(32;0xff)");
        }
        GeneratorEncoding kind = m.group(1).equals("blob_fill") ? GeneratorEncoding.BLOB_FILL
                : GeneratorEncoding.BLOB_SZ_FILL;
        StringBuilder digits = new StringBuilder();
        m.group(2).codePoints().forEach(cp -> digits.append((char) ('0' + PythonDigits.value(cp))));
        BigInteger length = new BigInteger(digits.length() > 12 ? "9".repeat(13) : digits.toString());
        int extra = kind == GeneratorEncoding.BLOB_SZ_FILL ? 4 : 0;
        int max = FormatLimits.maxBlob(version) - extra;
        if (length.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new NvsInputException("encoding " + Shown.text(text) + " asks for " + length + " bytes"
                    + (extra > 0 ? " plus the 4-byte length" : "") + ": format version "
                    + FormatLimits.number(version) + " stores blobs of at most " + FormatLimits.maxBlob(version)
                    + " bytes");
        }
        return new Encoding(kind, length.intValueExact(), Integer.parseInt(m.group(3), 16));
    }

    /**
     * Converts a value with this encoding.
     *
     * @param raw     the row's text, or the bytes of the file it names
     * @param version the format version whose size limits apply
     * @return the value
     * @throws NvsInputException if the value cannot be converted (the caller adds the location)
     */
    public NvsValue decode(RawValue raw, FormatVersion version) {
        return kind.decode(raw, this, version);
    }

    /** @return the encoding as it would be written in a CSV, for example {@code blob_fill(8;0xff)} */
    public String display() {
        return kind.isFill() ? String.format("%s(%d;0x%02x)", kind.csvName(), fillLength, fillByte) : kind.csvName();
    }

    /**
     * Lower-cases ASCII letters only, so that no other character can turn into a letter of an encoding name.
     *
     * @param text any text
     * @return the text with A-Z replaced by a-z
     */
    public static String asciiLowerCase(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (sb == null) {
                    sb = new StringBuilder(text);
                }
                sb.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return sb == null ? text : sb.toString();
    }
}
