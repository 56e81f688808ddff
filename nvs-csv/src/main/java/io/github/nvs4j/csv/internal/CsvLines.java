package io.github.nvs4j.csv.internal;

import io.github.nvs4j.NvsInputException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The line handling that the generator applies before any CSV parsing, in one place (spec §8.1):
 * <ol>
 *   <li>the file is decoded as strict UTF-8 (nvs4j skips a UTF-8 byte order mark at the very start, which breaks the
 *       generator);</li>
 *   <li>universal newlines: every {@code CR LF} and every lone {@code CR} becomes {@code LF};</li>
 *   <li>every physical line whose first character is {@code #} is dropped, even inside a quoted multi-line
 *       value.</li>
 * </ol>
 * Blank lines stay; the CSV parser skips them. The remaining text goes to the CSV parser, and
 * {@link #originalLine(long)} maps its line numbers back to the physical lines of the original file, so that errors
 * name the line a person sees in an editor.
 */
public final class CsvLines {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final String text;
    private final int[] originalLines;

    private CsvLines(String text, int[] originalLines) {
        this.text = text;
        this.originalLines = originalLines;
    }

    /**
     * Prepares a file's bytes.
     *
     * @param source  the file name, for messages
     * @param content the file's bytes
     * @return the lines
     * @throws NvsInputException if the content is not valid UTF-8, naming the line of the first bad byte
     */
    public static CsvLines of(String source, byte[] content) {
        int start = startsWithBom(content) ? BOM.length : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer out = CharBuffer.allocate(content.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new NvsInputException("the file is not valid UTF-8 (byte " + String.format("0x%02X",
                    content[Math.min(offset, content.length - 1)] & 0xFF) + " at offset " + offset
                    + "): save it as UTF-8", source, lineOfByte(content, offset), null, null);
        }
        out.flip();
        return of(out.toString());
    }

    /**
     * Prepares text that is already decoded. A leading U+FEFF (byte order mark) is skipped.
     *
     * @param decoded the file's text
     * @return the lines
     */
    public static CsvLines of(String decoded) {
        int start = decoded.startsWith("\uFEFF") ? 1 : 0;
        StringBuilder kept = new StringBuilder(decoded.length());
        int[] lines = new int[16];
        int keptCount = 0;
        int physical = 0;
        int i = start;
        int n = decoded.length();
        while (i < n) {
            physical++;
            int end = i;
            while (end < n && decoded.charAt(end) != '\n' && decoded.charAt(end) != '\r') {
                end++;
            }
            int next = end;
            if (next < n) {
                next += decoded.charAt(next) == '\r' && next + 1 < n && decoded.charAt(next + 1) == '\n' ? 2 : 1;
            }
            if (!DroppedLines.COMMENTS.drops(decoded, i, end)) {
                kept.append(decoded, i, end);
                if (end < n) {
                    kept.append('\n');
                }
                if (keptCount == lines.length) {
                    lines = Arrays.copyOf(lines, lines.length * 2);
                }
                lines[keptCount++] = physical;
            }
            i = next;
        }
        return new CsvLines(kept.toString(), Arrays.copyOf(lines, keptCount));
    }

    /** @return the text for the CSV parser: LF line ends only, comment lines removed */
    public String text() {
        return text;
    }

    /**
     * @param parsedLine a 1-based line number in {@link #text()}
     * @return the 1-based physical line in the original file
     */
    public int originalLine(long parsedLine) {
        if (parsedLine < 1 || originalLines.length == 0) {
            return 1;
        }
        if (parsedLine > originalLines.length) {
            return originalLines[originalLines.length - 1] + 1;
        }
        return originalLines[(int) parsedLine - 1];
    }

    private static boolean startsWithBom(byte[] content) {
        return content.length >= BOM.length && content[0] == BOM[0] && content[1] == BOM[1] && content[2] == BOM[2];
    }

    /** @return the 1-based line that contains the byte at {@code offset}, counting LF, CR LF and lone CR */
    private static int lineOfByte(byte[] content, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < content.length; i++) {
            if (content[i] == '\n' || (content[i] == '\r' && (i + 1 >= content.length || content[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }
}
