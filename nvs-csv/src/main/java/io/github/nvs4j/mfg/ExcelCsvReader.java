package io.github.nvs4j.mfg;

import io.github.nvs4j.NvsInputException;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the records of a config or values file the way {@code mfg_gen.py} does, one at a time:
 *
 * <ol>
 *   <li>the file is UTF-8 (a byte order mark at the very start is skipped, as nvs4j does for every CSV input);</li>
 *   <li>it is split into physical lines with Python's universal newlines ({@code CR LF}, {@code CR} and {@code LF}
 *       all end a line and all become {@code LF});</li>
 *   <li>every line made only of whitespace (Python {@code str.isspace()}) is dropped. {@code mfg_gen.py} does this by
 *       writing {@code <name>_tmp.csv} copies; here it happens in the stream, without any file. Like the original it
 *       works on physical lines, so a whitespace-only line inside a quoted multi-line value is dropped too;</li>
 *   <li>the remaining lines are parsed like Python's {@code csv.reader} with the default {@code excel} dialect: comma,
 *       {@code "} quotes, {@code ""} for a quote inside quotes, no trimming, text after a closing quote appended to
 *       the field, line breaks inside quoted fields kept (as {@code LF}).</li>
 * </ol>
 *
 * Every record remembers the physical line of the original file it starts on, so messages point at the line a
 * person sees in an editor (blank lines included), not at a line of a temporary copy.
 *
 * <p>Input is untrusted: a record longer than {@link #MAX_RECORD_CHARS} characters, malformed UTF-8 and a quoted
 * field that is never closed are refused with an {@link NvsInputException} naming the file and line.
 */
final class ExcelCsvReader implements Closeable {

    /** Longest record accepted, in characters (a 508,000-byte blob in hex needs about a million). */
    static final int MAX_RECORD_CHARS = 8 * 1024 * 1024;

    private static final int EOL = -1;

    private static final int START_RECORD = 0;
    private static final int START_FIELD = 1;
    private static final int IN_FIELD = 2;
    private static final int IN_QUOTED_FIELD = 3;
    private static final int QUOTE_IN_QUOTED_FIELD = 4;
    private static final int EAT_CRNL = 5;

    private final InputStream in;
    private final String source;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private boolean endOfInput;

    private byte[] lineBytes = new byte[256];
    private int physicalLine;
    private boolean atStart = true;

    private final StringBuilder field = new StringBuilder();
    private final List<String> fields = new ArrayList<>();
    private int state;
    private int recordChars;

    /**
     * @param in the file's bytes; closed by {@link #close()}
     * @param source the file name used in messages
     */
    ExcelCsvReader(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /**
     * Reads the next record.
     *
     * @return the record, or {@code null} at the end of the file
     * @throws NvsInputException for malformed UTF-8, an over-long record, an unclosed quoted field or a read error
     */
    CsvRecord next() {
        fields.clear();
        field.setLength(0);
        state = START_RECORD;
        recordChars = 0;
        int startLine = 0;
        while (true) {
            String line = nextContentLine();
            if (line == null) {
                if (startLine == 0) {
                    return null;
                }
                // Python saves the pending field at the end of the input; only an open quote can be pending here.
                throw new NvsInputException("a quoted field that starts on or after this line is never closed: the"
                        + " file ends inside it (check for a missing or an extra '\"')", source, startLine, null,
                        null);
            }
            if (startLine == 0) {
                startLine = physicalLine;
            }
            recordChars += line.length();
            if (recordChars > MAX_RECORD_CHARS) {
                throw new NvsInputException("record is longer than " + MAX_RECORD_CHARS
                        + " characters; values this large belong in a file referenced by a 'file' row", source,
                        startLine, null, null);
            }
            for (int i = 0; i < line.length(); i++) {
                process(line.charAt(i));
            }
            process(EOL);
            if (state == START_RECORD) {
                return new CsvRecord(startLine, fields);
            }
        }
    }

    private void process(int c) {
        switch (state) {
            case START_RECORD -> {
                if (c == EOL) {
                    return; // an empty line: Python returns [], callers never see it as lines are never empty
                }
                if (c == '\n' || c == '\r') {
                    state = EAT_CRNL;
                    return;
                }
                state = START_FIELD;
                startField(c);
            }
            case START_FIELD -> startField(c);
            case IN_FIELD -> {
                if (c == '\n' || c == '\r' || c == EOL) {
                    saveField();
                    state = c == EOL ? START_RECORD : EAT_CRNL;
                } else if (c == ',') {
                    saveField();
                    state = START_FIELD;
                } else {
                    field.append((char) c);
                }
            }
            case IN_QUOTED_FIELD -> {
                if (c == '"') {
                    state = QUOTE_IN_QUOTED_FIELD;
                } else if (c != EOL) {
                    field.append((char) c);
                }
            }
            case QUOTE_IN_QUOTED_FIELD -> {
                if (c == '"') {
                    field.append('"');
                    state = IN_QUOTED_FIELD;
                } else if (c == ',') {
                    saveField();
                    state = START_FIELD;
                } else if (c == '\n' || c == '\r' || c == EOL) {
                    saveField();
                    state = c == EOL ? START_RECORD : EAT_CRNL;
                } else {
                    field.append((char) c); // not strict: text after the closing quote joins the field
                    state = IN_FIELD;
                }
            }
            case EAT_CRNL -> {
                if (c == EOL) {
                    state = START_RECORD;
                }
                // '\n' and '\r' are eaten; nothing else can follow a line break within one line
            }
            default -> throw new IllegalStateException("state " + state);
        }
    }

    private void startField(int c) {
        if (c == '\n' || c == '\r' || c == EOL) {
            saveField();
            state = c == EOL ? START_RECORD : EAT_CRNL;
        } else if (c == '"') {
            state = IN_QUOTED_FIELD;
        } else if (c == ',') {
            saveField();
        } else {
            field.append((char) c);
            state = IN_FIELD;
        }
    }

    private void saveField() {
        fields.add(field.toString());
        field.setLength(0);
    }

    /** @return the next physical line that is not whitespace-only, ending in LF unless it is the last, or null */
    private String nextContentLine() {
        while (true) {
            String line = nextPhysicalLine();
            if (line == null || !line.isEmpty() && !isPythonSpace(line)) {
                return line; // a line is empty only when it was nothing but a byte order mark
            }
        }
    }

    private String nextPhysicalLine() {
        int length = 0;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                break;
            }
            any = true;
            byte b = buffer[position++];
            if (b == '\n' || b == '\r') {
                if (b == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
                    position++;
                }
                length = append(length, (byte) '\n');
                break;
            }
            length = append(length, b);
        }
        if (!any) {
            return null;
        }
        physicalLine++;
        int start = 0;
        if (atStart) {
            atStart = false;
            if (length >= 3 && lineBytes[0] == (byte) 0xEF && lineBytes[1] == (byte) 0xBB
                    && lineBytes[2] == (byte) 0xBF) {
                start = 3;
            }
        }
        try {
            return decoder.decode(ByteBuffer.wrap(lineBytes, start, length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new NvsInputException("the line is not valid UTF-8 text; save the file as UTF-8", source,
                    physicalLine, null, null);
        }
    }

    private int append(int length, byte b) {
        if (length == lineBytes.length) {
            if (length >= MAX_RECORD_CHARS) {
                throw new NvsInputException("line is longer than " + MAX_RECORD_CHARS + " bytes; values this large"
                        + " belong in a file referenced by a 'file' row", source, physicalLine + 1, null, null);
            }
            lineBytes = Arrays.copyOf(lineBytes, Math.min(MAX_RECORD_CHARS, length * 2));
        }
        lineBytes[length] = b;
        return length + 1;
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

    /**
     * Python's {@code str.isspace()} on a non-empty line: every character is whitespace in Python's sense (Unicode
     * category Zs, or bidirectional class WS, B or S), which is Java's {@code isWhitespace} or {@code isSpaceChar},
     * plus U+0085.
     */
    static boolean isPythonSpace(String line) {
        if (line.isEmpty()) {
            return false;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u0085') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new NvsInputException("cannot close the file: " + e.getMessage(), source, 0, null, e);
        }
    }
}
