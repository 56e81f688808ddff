package io.github.nvs4j.csv.internal;

import io.github.nvs4j.NvsInputException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final String text;
    /** Physical line of each kept line, or {@code null} when they are the same (nothing was dropped). */
    private final int[] originalLines;
    private final int lineCount;

    private CsvLines(String text, int[] originalLines, int lineCount) {
        this.text = text;
        this.originalLines = originalLines;
        this.lineCount = lineCount;
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
        int plainLines = plainAsciiLines(content, start);
        if (plainLines >= 0) {
            // Fast path (CsvBenchmark): ASCII without CR or comment lines is the parser's text as it is, in one copy.
            return new CsvLines(new String(content, start, content.length - start, StandardCharsets.ISO_8859_1),
                    null, plainLines);
        }
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
        if (start == 0 && isPlain(decoded)) {
            // No CR and no comment line: the text goes to the parser as it is, line numbers are unchanged.
            return new CsvLines(decoded, null, lineCount(decoded));
        }
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
        return new CsvLines(kept.toString(), Arrays.copyOf(lines, keptCount), keptCount);
    }

    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long LOW7 = 0x7F7F_7F7F_7F7F_7F7FL;

    /**
     * One pass over the bytes, eight at a time: when they are all ASCII, hold no CR and no line starts with
     * {@code #}, the text needs no rewriting; the lines are then counted as {@link #of(String)} counts them.
     *
     * @return the number of lines, or -1 when the general path is needed
     */
    private static int plainAsciiLines(byte[] b, int start) {
        int newlines = 0;
        int i = start;
        if (i < b.length && b[i] == '#') {
            return -1;
        }
        for (int end8 = b.length - 7; i < end8; i += 8) {
            long w = (long) LONGS.get(b, i);
            if ((w & 0x8080_8080_8080_8080L) != 0 || exactBytes(w, '\r') != 0) {
                return -1;
            }
            long lf = exactBytes(w, '\n');
            while (lf != 0) { // each LF of the word: the next line must not start with '#'
                int at = i + (Long.numberOfTrailingZeros(lf) >>> 3);
                if (at + 1 < b.length && b[at + 1] == '#') {
                    return -1;
                }
                newlines++;
                lf &= lf - 1;
            }
        }
        for (; i < b.length; i++) {
            byte c = b[i];
            if (c < 0 || c == '\r') {
                return -1;
            }
            if (c == '\n') {
                if (i + 1 < b.length && b[i + 1] == '#') {
                    return -1;
                }
                newlines++;
            }
        }
        boolean unterminated = b.length > start && b[b.length - 1] != '\n';
        return unterminated ? newlines + 1 : newlines;
    }

    /** @return the high bit of every byte of {@code w} that equals {@code c}, and no other bit (no false hits) */
    private static long exactBytes(long w, int c) {
        long x = w ^ (c * ONES);
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }

    /** @return whether the text has no CR and no line that starts with {@code #} */
    private static boolean isPlain(String text) {
        if (text.indexOf('\r') >= 0 || text.startsWith("#")) {
            return false;
        }
        return !text.contains("\n#");
    }

    /** @return the number of lines as the general path counts them: one per LF, plus a last unterminated one */
    private static int lineCount(String text) {
        int count = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            count++;
        }
        return text.isEmpty() || text.charAt(text.length() - 1) == '\n' ? count : count + 1;
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
        if (parsedLine < 1 || lineCount == 0) {
            return 1;
        }
        if (parsedLine > lineCount) {
            return physical(lineCount - 1) + 1;
        }
        return physical((int) parsedLine - 1);
    }

    private int physical(int keptIndex) {
        return originalLines == null ? keptIndex + 1 : originalLines[keptIndex];
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
