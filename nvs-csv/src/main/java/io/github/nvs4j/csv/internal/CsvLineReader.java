package io.github.nvs4j.csv.internal;

import io.github.nvs4j.NvsInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The same line handling as {@link CsvLines}, streamed: a {@link Reader} for the CSV parser that reads a file one
 * physical line at a time, for inputs too large to hold (the values file of mass manufacturing).
 * <ol>
 *   <li>the bytes are decoded as strict UTF-8; a UTF-8 byte order mark at the very start is skipped;</li>
 *   <li>universal newlines: {@code CR LF}, lone {@code CR} and {@code LF} all end a line and become {@code LF};</li>
 *   <li>the lines that a {@link DroppedLines} rule names are removed.</li>
 * </ol>
 * {@link #originalLine(long)} maps a line number of the text the parser saw back to the physical line of the file.
 * Memory stays bounded: one line is held at a time (at most {@code maxLineBytes}), and the line map keeps only what
 * the parser may still ask for, so its questions must come in non-decreasing order (as records are read).
 */
public final class CsvLineReader extends Reader {

    private final InputStream in;
    private final String source;
    private final DroppedLines dropped;
    private final int maxLineBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private boolean endOfInput;

    private byte[] lineBytes = new byte[256];
    private CharBuffer pending = CharBuffer.allocate(0);
    private int physicalLine;
    private long keptLines;

    /** Where the offset between physical and kept line numbers grows: pairs (first kept line, new offset). */
    private final ArrayDeque<long[]> offsetChanges = new ArrayDeque<>();
    private long offset;

    /**
     * @param in           the file's bytes; closed by {@link #close()}
     * @param source       the file name, for messages
     * @param dropped      the lines to remove
     * @param maxLineBytes the longest physical line accepted, in bytes
     */
    public CsvLineReader(InputStream in, String source, DroppedLines dropped, int maxLineBytes) {
        this.in = in;
        this.source = source;
        this.dropped = dropped;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * @param parsedLine a 1-based line number of the text this reader gave out; not less than in an earlier call
     * @return the 1-based physical line of the file
     */
    public int originalLine(long parsedLine) {
        while (!offsetChanges.isEmpty() && offsetChanges.peekFirst()[0] <= parsedLine) {
            offset = offsetChanges.pollFirst()[1];
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, parsedLine + offset));
    }

    /**
     * @throws NvsInputException for malformed UTF-8 or an over-long line (naming its physical line) or a read error
     */
    @Override
    public int read(char[] target, int off, int len) {
        if (len == 0) {
            return 0;
        }
        while (!pending.hasRemaining()) {
            if (!nextKeptLine()) {
                return -1;
            }
        }
        int n = Math.min(len, pending.remaining());
        pending.get(target, off, n);
        return n;
    }

    /** Reads physical lines up to the next one that is kept and makes it {@link #pending}; false at the end. */
    private boolean nextKeptLine() {
        long droppedBefore = physicalLine - keptLines;
        while (true) {
            int length = readLineBytes();
            if (length < 0) {
                return false;
            }
            physicalLine++;
            boolean lineEnd = length > 0 && lineBytes[length - 1] == '\n';
            CharBuffer line = decode(length);
            int end = line.limit() - (lineEnd ? 1 : 0);
            if (!dropped.drops(line, 0, end)) {
                keptLines++;
                long lineOffset = physicalLine - keptLines;
                if (lineOffset != droppedBefore) {
                    offsetChanges.addLast(new long[] {keptLines, lineOffset});
                }
                pending = line;
                return true;
            }
        }
    }

    /** @return the length of the next physical line in {@link #lineBytes}, its line end made {@code LF}; -1 at the end */
    private int readLineBytes() {
        int length = 0;
        boolean any = false;
        while (position < limit || fill()) {
            any = true;
            byte b = buffer[position++];
            if (b == '\n' || b == '\r') {
                if (b == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
                    position++;
                }
                return append(length, (byte) '\n');
            }
            length = append(length, b);
        }
        return any ? length : -1;
    }

    private int append(int length, byte b) {
        if (length == lineBytes.length) {
            if (length >= maxLineBytes) {
                throw new NvsInputException("the line is longer than " + maxLineBytes + " bytes; values this large"
                        + " belong in a file referenced by a 'file' row", source, physicalLine + 1, null, null);
            }
            lineBytes = Arrays.copyOf(lineBytes, (int) Math.min(maxLineBytes, 2L * length));
        }
        lineBytes[length] = b;
        return length + 1;
    }

    private CharBuffer decode(int length) {
        int start = 0;
        if (physicalLine == 1 && length >= 3 && lineBytes[0] == (byte) 0xEF && lineBytes[1] == (byte) 0xBB
                && lineBytes[2] == (byte) 0xBF) {
            start = 3;
        }
        try {
            return decoder.decode(ByteBuffer.wrap(lineBytes, start, length - start));
        } catch (CharacterCodingException e) {
            throw new NvsInputException("the line is not valid UTF-8 text; save the file as UTF-8", source,
                    physicalLine, null, null);
        }
    }

    private boolean fill() {
        if (endOfInput) {
            return false;
        }
        try {
            int n = in.read(buffer);
            if (n <= 0) {
                endOfInput = true;
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new NvsInputException("cannot read the file: " + e.getMessage(), source, physicalLine + 1, null,
                    e);
        }
    }

    /** Closes the underlying stream. */
    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new NvsInputException("cannot close the file: " + e.getMessage(), source, 0, null, e);
        }
    }
}
